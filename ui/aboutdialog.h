#pragma once

#include <QDialog>
#include <QIcon>

class QTabWidget;

namespace ui {

// Backroom's icon (resources/icons) at every size the platforms ask for, compiled
// in as ":/icons/...": the window icon and the About box's picture.
QIcon applicationIcon();

// Help > About Backroom: the version (project(VERSION) in CMake), what the program
// is, the Qt, ZXing-C++ and SQLite it was built with, and their licences in full
// (installer/licenses, compiled in as ":/licenses/...").
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);

private:
    QWidget *buildAboutPage();
    void addLicencePage(const QString &title, const QString &resourcePath);
    QTabWidget *m_tabs;
};

} // namespace ui
