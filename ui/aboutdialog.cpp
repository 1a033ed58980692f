#include "ui/aboutdialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

// Versions and the homepage come from CMake (ui/CMakeLists.txt), so the About box
// says what the build really used: project(VERSION), find_package(ZXing/SQLite3).
#ifndef BACKROOM_VERSION
#error "BACKROOM_VERSION must be defined by the build"
#endif

namespace ui {

namespace {

constexpr int kIconSizes[] = {16, 22, 24, 32, 48, 64, 128, 256, 512};
constexpr int kPictureSize = 96;
constexpr QSize kDialogSize(680, 540);

QString resourceText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return AboutDialog::tr("(%1 is missing from this build)").arg(path);
    return QString::fromUtf8(file.readAll());
}

QLabel *wrappingLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    return label;
}

} // namespace

QIcon applicationIcon()
{
    // Bitmaps rendered from resources/icons/backroom.svg, one per size the
    // platforms ask for: QIcon picks the closest, and no SVG plugin is needed.
    QIcon icon;
    for (const int size : kIconSizes)
        icon.addFile(QStringLiteral(":/icons/png/backroom-%1.png").arg(size), QSize(size, size));
    return icon;
}

AboutDialog::AboutDialog(QWidget *parent) : QDialog(parent), m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Backroom"));
    m_tabs->setObjectName(QStringLiteral("aboutTabs"));
    m_tabs->setDocumentMode(true);

    m_tabs->addTab(buildAboutPage(), tr("About"));
    addLicencePage(tr("Third-party software"), QStringLiteral(":/licenses/THIRD-PARTY.txt"));
    addLicencePage(tr("LGPL 3.0"), QStringLiteral(":/licenses/LGPL-3.0.txt"));
    addLicencePage(tr("GPL 3.0"), QStringLiteral(":/licenses/GPL-3.0.txt"));
    addLicencePage(tr("Apache 2.0"), QStringLiteral(":/licenses/Apache-2.0.txt"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *aboutQt = buttons->addButton(tr("About &Qt"), QDialogButtonBox::ActionRole);
    aboutQt->setObjectName(QStringLiteral("aboutQtButton"));
    connect(aboutQt, &QPushButton::clicked, this, [this] { QMessageBox::aboutQt(this); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);
    resize(kDialogSize);
}

QWidget *AboutDialog::buildAboutPage()
{
    auto *page = new QWidget(m_tabs);

    auto *picture = new QLabel(page);
    picture->setPixmap(applicationIcon().pixmap(kPictureSize, kPictureSize));
    picture->setAlignment(Qt::AlignTop);

    auto *title = new QLabel(QStringLiteral("<h2>Backroom</h2>"), page);
    auto *version = new QLabel(tr("Version %1").arg(QStringLiteral(BACKROOM_VERSION)), page);
    version->setObjectName(QStringLiteral("versionLabel"));
    version->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *summary = wrappingLabel(
        tr("A back office for small online shops: one order queue for Shopify, Amazon and "
           "eBay, one stock pool across warehouses, pick and pack, shipping and returns."),
        page);
    auto *homepage = wrappingLabel(
        QStringLiteral("<a href=\"%1\">%1</a>").arg(QStringLiteral(BACKROOM_HOMEPAGE)), page);
    homepage->setOpenExternalLinks(true);

    const QString builtQt = QStringLiteral(QT_VERSION_STR);
    const QString runningQt = QString::fromLatin1(qVersion());
    const QString qt =
        builtQt == runningQt ? builtQt : tr("%1, running on %2").arg(builtQt, runningQt);
    auto *builtWith = wrappingLabel(tr("Built with Qt %1, ZXing-C++ %2 and SQLite %3.")
                                        .arg(qt, QStringLiteral(BACKROOM_ZXING_VERSION),
                                             QStringLiteral(BACKROOM_SQLITE_VERSION)),
                                    page);
    builtWith->setObjectName(QStringLiteral("builtWithLabel"));
    auto *licences = wrappingLabel(
        tr("Qt is used under the GNU Lesser General Public License version 3 and ZXing-C++ "
           "under the Apache License 2.0; SQLite is in the public domain. Their licences "
           "are in the other tabs."),
        page);

    auto *text = new QVBoxLayout;
    text->addWidget(title);
    text->addWidget(version);
    text->addSpacing(8);
    text->addWidget(summary);
    text->addWidget(homepage);
    text->addSpacing(8);
    text->addWidget(builtWith);
    text->addWidget(licences);
    text->addStretch(1);

    auto *layout = new QHBoxLayout(page);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->setSpacing(16);
    layout->addWidget(picture, 0, Qt::AlignTop);
    layout->addLayout(text, 1);
    return page;
}

void AboutDialog::addLicencePage(const QString &title, const QString &resourcePath)
{
    auto *view = new QPlainTextEdit(m_tabs);
    view->setObjectName(QStringLiteral("licence:") + resourcePath.section(QLatin1Char('/'), -1));
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view->setPlainText(resourceText(resourcePath));
    m_tabs->addTab(view, title);
}

} // namespace ui
