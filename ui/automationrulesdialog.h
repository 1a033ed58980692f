#pragma once

#include "models/automationrule.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace ui {

// The owner's automation rules: a list in the order they run (checkbox: enabled,
// Up/Down: order), an editor for the selected rule's conditions and actions, and a
// Preview that says which new orders each rule would change before anything is saved.
class AutomationRulesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AutomationRulesDialog(models::AutomationSource *source, QWidget *parent = nullptr);

    // The rules as edited, in list order (positions 1..n).
    QList<models::AutomationRule> editedRules();

private:
    void reload();
    void showRule(int row);
    void storeCurrent();
    void addRule();
    void removeRule();
    void moveRule(int by);
    void addConditionRow(const models::RuleCondition &c);
    void addActionRow(const models::RuleAction &a);
    void preview();
    void save();
    void setMessage(const QString &text, bool error);

    models::AutomationSource *m_source;
    QList<models::AutomationRule> m_rules;
    int m_current = -1;

    QListWidget *m_list;
    QLineEdit *m_name;
    QComboBox *m_match;
    QTableWidget *m_conditions;
    QTableWidget *m_actions;
    QPushButton *m_previewButton;
    QPushButton *m_saveButton;
    QLabel *m_previewLabel;
    QLabel *m_message;
};

} // namespace ui
