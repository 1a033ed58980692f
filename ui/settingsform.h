#pragma once

#include <QString>

class QFormLayout;
class QWidget;

namespace ui::settingsform {

// A line edit with this property set true is a number: a short box.
inline constexpr char kNarrow[] = "settingsNarrowField";
inline constexpr int kNumberWidth = 140;

// A form that fills a Settings page: labels on the left, each field with a line
// below it saying what it changes.
QFormLayout *makeForm(QWidget *page);
// Adds `field` under `label`, with `help` in small grey words below it. Line edits
// get a fixed width (short when kNarrow is set), combo boxes a sensible minimum.
void addField(QFormLayout *form, const QString &label, QWidget *field, const QString &help);
// A bold title over a group of fields, and the words under it.
void addHeading(QFormLayout *form, const QString &title, const QString &intro = {});

} // namespace ui::settingsform
