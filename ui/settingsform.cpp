#include "ui/settingsform.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>
#include <QWidget>

namespace ui::settingsform {

namespace {

// Fields stay a readable width however wide the window is.
constexpr int kFieldWidth = 380;
constexpr int kHelpWidth = 480;
constexpr int kIntroWidth = 560;

} // namespace

QFormLayout *makeForm(QWidget *page)
{
    auto *form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    form->setFormAlignment(Qt::AlignLeft | Qt::AlignTop);
    form->setHorizontalSpacing(16);
    form->setVerticalSpacing(10);
    form->setContentsMargins(16, 12, 16, 12);
    return form;
}

namespace {

// A wrapped line of words at a fixed width, as tall as its text needs: word-wrapped
// labels in a form otherwise get the height of one guess and clip their last line.
void fixWrappedSize(QLabel *words, int width)
{
    words->setWordWrap(true);
    words->setFixedWidth(width);
    words->setFixedHeight(words->heightForWidth(width));
}

} // namespace

void addField(QFormLayout *form, const QString &label, QWidget *field, const QString &help)
{
    QWidget *parent = form->parentWidget();
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    field->setParent(box);
    if (qobject_cast<QLineEdit *>(field)) {
        // Numbers get a short box (the caller sets kNarrow), text the full width.
        field->setFixedWidth(field->property(kNarrow).toBool() ? kNumberWidth : kFieldWidth);
    } else if (qobject_cast<QComboBox *>(field)) {
        field->setMinimumWidth(qMax(field->sizeHint().width(), kNumberWidth * 2));
    }
    layout->addWidget(field, 0, Qt::AlignLeft);
    if (!help.isEmpty()) {
        auto *words = new QLabel(help, box);
        words->setObjectName(field->objectName() + QStringLiteral("Help"));
        words->setStyleSheet(QStringLiteral("color: #57606a;"));
        QFont small = words->font();
        small.setPointSizeF(small.pointSizeF() * 0.92);
        words->setFont(small);
        fixWrappedSize(words, kHelpWidth);
        layout->addWidget(words);
    }
    auto *name = new QLabel(label, parent);
    name->setBuddy(field);
    name->setContentsMargins(0, 4, 0, 0);
    form->addRow(name, box);
}

void addHeading(QFormLayout *form, const QString &title, const QString &intro)
{
    QWidget *parent = form->parentWidget();
    auto *heading = new QLabel(title, parent);
    QFont bold = heading->font();
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    bold.setWeight(QFont::DemiBold);
    heading->setFont(bold);
    heading->setContentsMargins(0, 8, 0, 0);
    form->addRow(heading);
    if (!intro.isEmpty()) {
        auto *words = new QLabel(intro, parent);
        words->setStyleSheet(QStringLiteral("color: #57606a;"));
        fixWrappedSize(words, kIntroWidth);
        form->addRow(words);
    }
}

} // namespace ui::settingsform
