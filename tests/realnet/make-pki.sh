#!/usr/bin/env bash
# Writes a throwaway PKI for the TLS tests into DIR: a root CA, an intermediate, another CA
# nobody trusts, and one leaf per case (good, via the intermediate, expired, not yet valid,
# wrong name, self-signed, unknown issuer). Keys are P-256 so this takes well under a second.
set -euo pipefail
dir=$1
names=${2:-localhost}   # extra DNS names for the good leaves, comma-separated
mkdir -p "$dir" && cd "$dir"
key() { openssl ecparam -name prime256v1 -genkey -noout -out "$1.key" 2>/dev/null; }
ca() { # name subject [issuer]
    key "$1"
    if [ $# -eq 2 ]; then
        openssl req -x509 -new -key "$1.key" -subj "/CN=$2" -days 3650 -out "$1.pem" \
            -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign
    else
        openssl req -new -key "$1.key" -subj "/CN=$2" -out "$1.csr"
        printf 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n' >"$1.ext"
        openssl x509 -req -in "$1.csr" -CA "$3.pem" -CAkey "$3.key" -CAcreateserial -days 3650 \
            -extfile "$1.ext" -out "$1.pem" 2>/dev/null
    fi
}
# leaf name issuer san [startdate enddate] (dates as YYMMDDHHMMSSZ, through `openssl ca`)
leaf() {
    key "$1"
    openssl req -new -key "$1.key" -subj "/CN=${3%%,*}" -out "$1.csr"
    local san="" n
    IFS=, read -ra list <<<"$3"
    for n in "${list[@]}"; do
        if [[ $n =~ ^[0-9.]+$ ]]; then san+="IP:$n,"; else san+="DNS:$n,"; fi
    done
    printf 'basicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\nsubjectAltName=%s\n' \
        "${san%,}" >"$1.ext"
    if [ $# -ge 5 ]; then
        mkdir -p "ca-$1" && : >"ca-$1/index.txt"
        cat >"ca-$1/ca.cnf" <<CNF
[ca]
default_ca = d
[d]
database = ca-$1/index.txt
new_certs_dir = ca-$1
serial = ca-$1/serial
default_md = sha256
policy = p
copy_extensions = none
[p]
commonName = supplied
CNF
        echo 01 >"ca-$1/serial"
        openssl ca -batch -config "ca-$1/ca.cnf" -cert "$2.pem" -keyfile "$2.key" -in "$1.csr" \
            -startdate "$4" -enddate "$5" -extfile "$1.ext" -out "$1.pem" -notext 2>/dev/null
    elif [ "$2" = self ]; then
        openssl x509 -req -in "$1.csr" -signkey "$1.key" -days 3650 -extfile "$1.ext" \
            -out "$1.pem" 2>/dev/null
    else
        openssl x509 -req -in "$1.csr" -CA "$2.pem" -CAkey "$2.key" -CAcreateserial -days 3650 \
            -extfile "$1.ext" -out "$1.pem" 2>/dev/null
    fi
}
ca root "Roster Test Root CA"
ca intermediate "Roster Test Intermediate CA" root
ca other "Some Other CA"
good="localhost,127.0.0.1,$names"
leaf good root "$good"
leaf viaintermediate intermediate "$good"
cat viaintermediate.pem intermediate.pem >viaintermediate-chain.pem
leaf expired root "$good" 200101000000Z 210101000000Z
leaf notyet root "$good" 400101000000Z 410101000000Z
leaf wrongname root "wrong.example"
leaf selfsigned self "$good"
leaf unknownissuer other "$good"
mkdir -p certdir && cp root.pem certdir/root.pem && openssl rehash certdir 2>/dev/null || true
rm -f ./*.csr ./*.ext ./*.srl
