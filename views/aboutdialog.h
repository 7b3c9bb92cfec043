#pragma once

#include <QDialog>

// Version, license and what Roster is.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);
};
