#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QIODevice>

#include <openssl/evp.h>

// SHA-256 through OpenSSL (with the CPU's SHA instructions where it has them: about ten times
// QCryptographicHash's speed here, which matters for the checksums of a snapshot's rows and
// of long exports). Like QCryptographicHash, result() can be asked for and data added after.
class Sha256
{
public:
    Sha256()
        : m_ctx(EVP_MD_CTX_new())
    {
        EVP_DigestInit_ex(m_ctx, EVP_sha256(), nullptr);
    }
    ~Sha256() { EVP_MD_CTX_free(m_ctx); }
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void addData(QByteArrayView data) { EVP_DigestUpdate(m_ctx, data.data(), size_t(data.size())); }
    // All that is left of `device`; false when reading fails.
    bool addData(QIODevice *device)
    {
        QByteArray chunk(1 << 16, Qt::Uninitialized);
        for (;;) {
            const qint64 n = device->read(chunk.data(), chunk.size());
            if (n < 0)
                return false;
            if (n == 0)
                return device->atEnd();
            addData(QByteArrayView(chunk.constData(), n));
        }
    }
    // The digest of the data so far (32 bytes).
    QByteArray result() const
    {
        EVP_MD_CTX *copy = EVP_MD_CTX_new();
        QByteArray digest(EVP_MAX_MD_SIZE, Qt::Uninitialized);
        unsigned int size = 0;
        EVP_MD_CTX_copy_ex(copy, m_ctx);
        EVP_DigestFinal_ex(copy, reinterpret_cast<unsigned char *>(digest.data()), &size);
        EVP_MD_CTX_free(copy);
        digest.truncate(size);
        return digest;
    }

private:
    EVP_MD_CTX *m_ctx;
};
