#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStyle>

namespace ui {

// One entry in the sidebar. The slug is stable and untranslated (file names,
// settings); the title is what people read.
struct ScreenEntry
{
    QString slug;
    QString title;
    QStyle::StandardPixmap icon;
    QString plannedDescription; // empty for screens that already work
};

// The screens DESIGN.md names, in sidebar order. Ctrl+1 is the first.
class ScreenCatalogue
{
    Q_DECLARE_TR_FUNCTIONS(ui::ScreenCatalogue)
public:
    static QList<ScreenEntry> entries();
};

} // namespace ui
