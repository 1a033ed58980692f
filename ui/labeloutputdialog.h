#pragma once

#include "printing/labeloutput.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;

namespace ui {

// The pack bench's label output as this computer remembers it, in QSettings under
// "packBench/labelOutput/...": each bench has its own printer, so the setting
// belongs to the PC, not to the shared database.
printing::LabelOutputSettings loadLabelOutputSettings();
void saveLabelOutputSettings(const printing::LabelOutputSettings &settings);

// Where the bench's labels and packing slips go: a network label printer (ZPL,
// HOST:PORT, 203 or 300 dpi), a system printer, or PDFs in a folder; and the
// packing slip on or off with its printer. Keyboard only: Tab between the fields,
// Enter saves, Esc leaves it as it was.
class LabelOutputDialog : public QDialog
{
    Q_OBJECT
public:
    explicit LabelOutputDialog(const printing::LabelOutputSettings &settings,
                               QWidget *parent = nullptr);

    printing::LabelOutputSettings settings() const;

    QComboBox *kindBox() const { return m_kind; }
    QLineEdit *networkPrinterField() const { return m_network; }
    QComboBox *dpiBox() const { return m_dpi; }
    QLineEdit *folderField() const { return m_folder; }
    QCheckBox *slipBox() const { return m_slip; }

    void accept() override;

private:
    void showKind();

    QComboBox *m_kind;
    QStackedWidget *m_pages;
    QLineEdit *m_network;
    QComboBox *m_dpi;
    QComboBox *m_systemPrinter;
    QLineEdit *m_folder;
    QCheckBox *m_slip;
    QComboBox *m_slipPrinter;
    QLabel *m_problem;
};

} // namespace ui
