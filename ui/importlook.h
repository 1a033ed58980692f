#pragma once

#include <QString>
#include <QStringList>

class QAbstractItemModel;
class QLabel;
class QStandardItem;
class QStandardItemModel;
class QWidget;

namespace ui {

class LazyTableView;

// The look the import dialog's pages share: the colours of the screens' error
// line, quiet secondary text, and the tables of the list screens.
namespace importlook {

// Where import files were last chosen (QSettings key); error lists are saved there too.
extern const QString lastDirectoryKey;
// File lists show this many files before they scroll.
constexpr int kVisibleFiles = 4;

extern const QString errorBoxStyle;
extern const QString noticeBoxStyle;
extern const QString quietStyle;

// A wrapping, selectable label for messages. Plain text: they quote the file's
// own cells, which are not markup.
QLabel *messageLabel(const QString &objectName, const QString &style, QWidget *parent);
QLabel *headingLabel(const QString &text, QWidget *parent, double scale = 1.0);
LazyTableView *table(const QString &objectName, QAbstractItemModel *model, QWidget *parent);
// Tall enough for `rows` rows (at least one) and no taller, so a short table does
// not leave a framed empty area; the page's stretch takes the rest.
void fitRows(LazyTableView *table, int rows);
// As tall as `rows` rows, capped at `maxRows`; for short lists above others.
void fixRows(LazyTableView *table, int rows, int maxRows);

QStandardItem *textItem(const QString &text, const QString &toolTip = {});
QStandardItem *numberItem(qint64 n);
void setHeaders(QStandardItemModel *model, const QStringList &labels);

} // namespace importlook

} // namespace ui
