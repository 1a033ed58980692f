#include "ui/importlook.h"

#include "ui/countformat.h"
#include "ui/lazytableview.h"

#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QStandardItemModel>

#include <algorithm>

namespace ui::importlook {

const QString lastDirectoryKey = QStringLiteral("Import/lastDirectory");

const QString errorBoxStyle = QStringLiteral("color: #a40e26; background: #fff1f0;"
                                             "border: 1px solid #f5c2c0; border-radius: 4px;"
                                             "padding: 6px 10px;");
const QString noticeBoxStyle = QStringLiteral("color: #1f2328; background: #f6f8fa;"
                                              "border: 1px solid #d0d7de; border-radius: 4px;"
                                              "padding: 6px 10px;");
const QString quietStyle = QStringLiteral("color: #57606a;");

QLabel *messageLabel(const QString &objectName, const QString &style, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setStyleSheet(style);
    return label;
}

QLabel *headingLabel(const QString &text, QWidget *parent, double scale)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    QFont font = label->font();
    font.setWeight(QFont::DemiBold);
    font.setPointSizeF(font.pointSizeF() * scale);
    label->setFont(font);
    return label;
}

LazyTableView *table(const QString &objectName, QAbstractItemModel *model, QWidget *parent)
{
    auto *view = new LazyTableView(parent);
    view->setObjectName(objectName);
    view->setModel(model);
    view->setTabKeyNavigation(false); // Tab leaves the table, as elsewhere in a dialog
    return view;
}

namespace {

int heightForRows(LazyTableView *table, int rows)
{
    return table->horizontalHeader()->sizeHint().height() +
           rows * table->verticalHeader()->defaultSectionSize() + 2 * table->frameWidth();
}

} // namespace

void fitRows(LazyTableView *table, int rows)
{
    // Room for a horizontal scroll bar too, which a narrow window may need.
    table->setMaximumHeight(heightForRows(table, std::max(rows, 1)) +
                            table->horizontalScrollBar()->sizeHint().height());
}

void fixRows(LazyTableView *table, int rows, int maxRows)
{
    table->setFixedHeight(heightForRows(table, std::clamp(rows, 1, maxRows)) + 2);
}

QStandardItem *textItem(const QString &text, const QString &toolTip)
{
    auto *item = new QStandardItem(text);
    item->setEditable(false);
    item->setToolTip(toolTip.isEmpty() ? text : toolTip);
    return item;
}

QStandardItem *numberItem(qint64 n)
{
    auto *item = textItem(formatCount(n));
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

void setHeaders(QStandardItemModel *model, const QStringList &labels)
{
    model->setColumnCount(int(labels.size()));
    model->setHorizontalHeaderLabels(labels);
}

} // namespace ui::importlook
