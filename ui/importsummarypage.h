#pragma once

#include "importers/orderfileimport.h"

#include <QList>
#include <QWidget>

class QLabel;
class QStandardItemModel;

namespace ui {

class ImportErrorModel;
class LazyTableView;

// The end of an import: a sentence for the run, one row per file (new, updated,
// unchanged, on hold, errors), why a file was rejected or cancelled in plain
// words, and the row errors of the files imported, which can be saved as CSV.
class ImportSummaryPage : public QWidget
{
    Q_OBJECT
public:
    explicit ImportSummaryPage(QWidget *parent = nullptr);

    void showReports(const QList<importers::ImportFileReport> &reports);
    bool hasErrors() const;

    // Asks where to save the row errors (a window-modal file dialog), then writes them.
    void chooseErrorFile();
    // Writes the row errors to `path` and says how that went below the table.
    void saveErrors(const QString &path);

private:
    QLabel *m_headline;
    QStandardItemModel *m_filesModel;
    LazyTableView *m_files;
    QLabel *m_messages;
    QLabel *m_errorsHeading;
    ImportErrorModel *m_errorModel;
    LazyTableView *m_errors;
    QLabel *m_saveResult;
};

} // namespace ui
