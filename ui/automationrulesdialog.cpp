#include "ui/automationrulesdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ui {

using models::AutomationRule;
using models::RuleAction;
using models::RuleActionKind;
using models::RuleCondition;
using models::RuleField;
using models::RuleOperator;

namespace {

constexpr int kPreviewNumbers = 10;

const QList<RuleField> kFields{RuleField::Channel,     RuleField::ShipCountry,
                               RuleField::OrderTotal,  RuleField::Sku,
                               RuleField::WeightGrams, RuleField::ShippingService,
                               RuleField::CustomerVip, RuleField::ItemCount};
const QList<RuleOperator> kOps{RuleOperator::Equals, RuleOperator::NotEquals,
                               RuleOperator::InList, RuleOperator::Greater,
                               RuleOperator::Less,   RuleOperator::Contains};
const QList<RuleActionKind> kActions{RuleActionKind::Hold, RuleActionKind::SetPriority,
                                     RuleActionKind::RouteToLocation, RuleActionKind::ChooseService,
                                     RuleActionKind::TagVip};

QPushButton *button(const QString &text, const QString &name, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(name);
    b->setAutoDefault(false);
    return b;
}

QTableWidget *table(const QStringList &headers, const QString &name, QWidget *parent)
{
    auto *t = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    t->setObjectName(name);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    t->horizontalHeader()->setMinimumSectionSize(90);
    t->horizontalHeader()->setDefaultSectionSize(170);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    return t;
}

QString ordersText(int n)
{
    return n == 1 ? QStringLiteral("1 order") : QStringLiteral("%1 orders").arg(n);
}

} // namespace

AutomationRulesDialog::AutomationRulesDialog(models::AutomationSource *source, QWidget *parent)
    : QDialog(parent), m_source(source), m_list(new QListWidget(this)), m_name(new QLineEdit(this)),
      m_match(new QComboBox(this)),
      m_conditions(table({tr("Field"), tr("Operator"), tr("Value"), tr("Currency")},
                         QStringLiteral("conditionsTable"), this)),
      m_actions(table({tr("Action"), tr("Value")}, QStringLiteral("actionsTable"), this)),
      m_previewButton(button(tr("&Preview"), QStringLiteral("previewButton"), this)),
      m_saveButton(button(tr("&Save"), QStringLiteral("saveButton"), this)),
      m_previewLabel(new QLabel(this)), m_message(new QLabel(this))
{
    setWindowTitle(tr("Automation rules"));
    setObjectName(QStringLiteral("automationRulesDialog"));
    resize(1000, 600);
    m_list->setObjectName(QStringLiteral("rulesList"));
    m_name->setObjectName(QStringLiteral("ruleNameEdit"));
    m_match->setObjectName(QStringLiteral("matchCombo"));
    m_match->addItems({tr("all conditions match"), tr("any condition matches")});
    m_previewLabel->setObjectName(QStringLiteral("previewLabel"));
    m_previewLabel->setWordWrap(true);
    m_previewLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);

    // Left: the rules in the order they run.
    auto *left = new QVBoxLayout;
    auto *intro = new QLabel(tr("Rules run top to bottom over new orders before allocation. "
                                "A rule that holds an order stops the rules below it."),
                             this);
    intro->setWordWrap(true);
    left->addWidget(intro);
    left->addWidget(m_list, 1);
    auto *listButtons = new QHBoxLayout;
    QPushButton *add = button(tr("&Add rule"), QStringLiteral("addRuleButton"), this);
    QPushButton *remove = button(tr("&Remove"), QStringLiteral("removeRuleButton"), this);
    QPushButton *up = button(tr("&Up"), QStringLiteral("moveUpButton"), this);
    QPushButton *down = button(tr("&Down"), QStringLiteral("moveDownButton"), this);
    for (QPushButton *b : {add, remove, up, down})
        listButtons->addWidget(b);
    left->addLayout(listButtons);

    // Right: the selected rule.
    auto *right = new QVBoxLayout;
    auto *form = new QFormLayout;
    form->addRow(tr("&Name"), m_name);
    form->addRow(tr("&Fires when"), m_match);
    right->addLayout(form);
    right->addWidget(new QLabel(tr("Conditions"), this));
    right->addWidget(m_conditions, 1);
    auto *conditionButtons = new QHBoxLayout;
    QPushButton *addCondition =
        button(tr("Add &condition"), QStringLiteral("addConditionButton"), this);
    QPushButton *removeCondition =
        button(tr("Remove condition"), QStringLiteral("removeConditionButton"), this);
    conditionButtons->addWidget(addCondition);
    conditionButtons->addWidget(removeCondition);
    conditionButtons->addStretch();
    right->addLayout(conditionButtons);
    right->addWidget(new QLabel(tr("Actions"), this));
    right->addWidget(m_actions, 1);
    auto *actionButtons = new QHBoxLayout;
    QPushButton *addAction = button(tr("Add ac&tion"), QStringLiteral("addActionButton"), this);
    QPushButton *removeAction =
        button(tr("Remove action"), QStringLiteral("removeActionButton"), this);
    actionButtons->addWidget(addAction);
    actionButtons->addWidget(removeAction);
    actionButtons->addStretch();
    right->addLayout(actionButtons);

    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 2);
    columns->addLayout(right, 5);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_previewButton, 0, Qt::AlignTop);
    bottom->addWidget(m_previewLabel, 1);
    m_previewLabel->setMinimumHeight(fontMetrics().lineSpacing() * 4);
    m_previewLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Close, this);
    box->addButton(m_saveButton, QDialogButtonBox::ActionRole);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addLayout(bottom);
    layout->addWidget(m_message);
    layout->addWidget(box);

    connect(m_list, &QListWidget::currentRowChanged, this, &AutomationRulesDialog::showRule);
    connect(add, &QPushButton::clicked, this, &AutomationRulesDialog::addRule);
    connect(remove, &QPushButton::clicked, this, &AutomationRulesDialog::removeRule);
    connect(up, &QPushButton::clicked, this, [this] { moveRule(-1); });
    connect(down, &QPushButton::clicked, this, [this] { moveRule(1); });
    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (QListWidgetItem *item = m_list->currentItem())
            item->setText(text);
    });
    connect(addCondition, &QPushButton::clicked, this, [this] {
        if (m_current >= 0)
            addConditionRow(RuleCondition{});
    });
    connect(removeCondition, &QPushButton::clicked, this, [this] {
        if (m_conditions->currentRow() >= 0)
            m_conditions->removeRow(m_conditions->currentRow());
    });
    connect(addAction, &QPushButton::clicked, this, [this] {
        if (m_current >= 0)
            addActionRow(RuleAction{});
    });
    connect(removeAction, &QPushButton::clicked, this, [this] {
        if (m_actions->currentRow() >= 0)
            m_actions->removeRow(m_actions->currentRow());
    });
    connect(m_previewButton, &QPushButton::clicked, this, &AutomationRulesDialog::preview);
    connect(m_saveButton, &QPushButton::clicked, this, &AutomationRulesDialog::save);

    if (!m_source) {
        for (QWidget *w : std::initializer_list<QWidget *>{
                 m_list, m_name, m_match, m_conditions, m_actions, m_previewButton, m_saveButton,
                 add, remove, up, down, addCondition, removeCondition, addAction, removeAction})
            w->setEnabled(false);
        setMessage(tr("No database is open."), false);
        return;
    }
    reload();
}

void AutomationRulesDialog::setMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
}

void AutomationRulesDialog::reload()
{
    QString error;
    m_rules = m_source->rules(&error);
    if (!error.isEmpty())
        setMessage(tr("Cannot read the rules: %1").arg(error), true);
    m_current = -1;
    const QSignalBlocker block(m_list);
    m_list->clear();
    for (const AutomationRule &r : m_rules) {
        auto *item = new QListWidgetItem(r.name, m_list);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(r.enabled ? Qt::Checked : Qt::Unchecked);
    }
    m_list->setCurrentRow(m_rules.isEmpty() ? -1 : 0);
    showRule(m_list->currentRow());
}

void AutomationRulesDialog::addConditionRow(const RuleCondition &c)
{
    const int row = m_conditions->rowCount();
    m_conditions->insertRow(row);
    auto *field = new QComboBox(m_conditions);
    for (RuleField f : kFields)
        field->addItem(models::ruleFieldLabel(f), static_cast<int>(f));
    field->setCurrentIndex(static_cast<int>(kFields.indexOf(c.field)));
    auto *op = new QComboBox(m_conditions);
    for (RuleOperator o : kOps)
        op->addItem(models::ruleOperatorLabel(o), static_cast<int>(o));
    op->setCurrentIndex(static_cast<int>(kOps.indexOf(c.op)));
    auto *value = new QLineEdit(c.value, m_conditions);
    value->setObjectName(QStringLiteral("conditionValue%1").arg(row));
    value->setPlaceholderText(tr("DE, or DE,AT,FR for a list"));
    auto *currency = new QLineEdit(c.currency, m_conditions);
    currency->setPlaceholderText(tr("total only: GBP"));
    m_conditions->setCellWidget(row, 0, field);
    m_conditions->setCellWidget(row, 1, op);
    m_conditions->setCellWidget(row, 2, value);
    m_conditions->setCellWidget(row, 3, currency);
    value->setFocus();
}

void AutomationRulesDialog::addActionRow(const RuleAction &a)
{
    const int row = m_actions->rowCount();
    m_actions->insertRow(row);
    auto *kind = new QComboBox(m_actions);
    for (RuleActionKind k : kActions)
        kind->addItem(models::ruleActionLabel(k), static_cast<int>(k));
    kind->setCurrentIndex(static_cast<int>(kActions.indexOf(a.kind)));
    auto *value = new QLineEdit(
        a.kind == RuleActionKind::SetPriority ? QString::number(a.number) : a.text, m_actions);
    value->setObjectName(QStringLiteral("actionValue%1").arg(row));
    value->setPlaceholderText(tr("reason, priority, location code or service"));
    m_actions->setCellWidget(row, 0, kind);
    m_actions->setCellWidget(row, 1, value);
    value->setFocus();
}

void AutomationRulesDialog::showRule(int row)
{
    storeCurrent();
    m_current = row;
    m_conditions->setRowCount(0);
    m_actions->setRowCount(0);
    const bool has = row >= 0 && row < m_rules.size();
    m_name->setEnabled(has);
    m_match->setEnabled(has);
    if (!has) {
        m_name->clear();
        return;
    }
    const AutomationRule &r = m_rules.at(row);
    m_name->setText(r.name);
    m_match->setCurrentIndex(r.matchAll ? 0 : 1);
    for (const RuleCondition &c : r.conditions)
        addConditionRow(c);
    for (const RuleAction &a : r.actions)
        addActionRow(a);
}

void AutomationRulesDialog::storeCurrent()
{
    if (m_current < 0 || m_current >= m_rules.size())
        return;
    AutomationRule &r = m_rules[m_current];
    r.name = m_name->text().trimmed();
    r.matchAll = m_match->currentIndex() == 0;
    r.conditions.clear();
    for (int i = 0; i < m_conditions->rowCount(); ++i) {
        RuleCondition c;
        c.field = static_cast<RuleField>(
            qobject_cast<QComboBox *>(m_conditions->cellWidget(i, 0))->currentData().toInt());
        c.op = static_cast<RuleOperator>(
            qobject_cast<QComboBox *>(m_conditions->cellWidget(i, 1))->currentData().toInt());
        c.value = qobject_cast<QLineEdit *>(m_conditions->cellWidget(i, 2))->text().trimmed();
        c.currency =
            qobject_cast<QLineEdit *>(m_conditions->cellWidget(i, 3))->text().trimmed().toUpper();
        r.conditions.append(c);
    }
    r.actions.clear();
    for (int i = 0; i < m_actions->rowCount(); ++i) {
        RuleAction a;
        a.kind = static_cast<RuleActionKind>(
            qobject_cast<QComboBox *>(m_actions->cellWidget(i, 0))->currentData().toInt());
        const QString value =
            qobject_cast<QLineEdit *>(m_actions->cellWidget(i, 1))->text().trimmed();
        if (a.kind == RuleActionKind::SetPriority)
            a.number = value.toInt();
        else if (a.kind != RuleActionKind::TagVip)
            a.text = value;
        r.actions.append(a);
    }
}

QList<AutomationRule> AutomationRulesDialog::editedRules()
{
    storeCurrent();
    QList<AutomationRule> out = m_rules;
    for (int i = 0; i < out.size(); ++i) {
        out[i].position = i + 1;
        out[i].enabled = m_list->item(i)->checkState() == Qt::Checked;
    }
    return out;
}

void AutomationRulesDialog::addRule()
{
    storeCurrent();
    AutomationRule r;
    r.name = tr("New rule %1").arg(m_rules.size() + 1);
    r.position = static_cast<int>(m_rules.size()) + 1;
    m_rules.append(r);
    auto *item = new QListWidgetItem(r.name, m_list);
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(Qt::Checked);
    m_list->setCurrentRow(static_cast<int>(m_rules.size()) - 1);
    m_name->setFocus();
    m_name->selectAll();
}

void AutomationRulesDialog::removeRule()
{
    const int row = m_list->currentRow();
    if (row < 0)
        return;
    m_current = -1; // the edits of a removed rule are dropped
    m_rules.removeAt(row);
    delete m_list->takeItem(row);
    showRule(m_list->currentRow());
}

void AutomationRulesDialog::moveRule(int by)
{
    const int row = m_list->currentRow();
    const int to = row + by;
    if (row < 0 || to < 0 || to >= m_rules.size())
        return;
    storeCurrent();
    m_rules.move(row, to);
    const QSignalBlocker block(m_list);
    QListWidgetItem *item = m_list->takeItem(row);
    m_list->insertItem(to, item);
    m_list->setCurrentRow(to);
    m_current = to;
}

void AutomationRulesDialog::preview()
{
    const QList<AutomationRule> rules = editedRules();
    int lookedAt = 0;
    QString error;
    const QList<models::RulePreview> found =
        m_source->preview(rules, kPreviewNumbers, &lookedAt, &error);
    if (!error.isEmpty()) {
        m_previewLabel->clear();
        setMessage(error, true);
        return;
    }
    setMessage(QString(), false);
    QStringList lines{tr("New orders: %1.").arg(lookedAt)};
    for (int i = 0; i < found.size(); ++i) {
        const models::RulePreview &p = found.at(i);
        QString line = tr("%1: %2").arg(p.ruleName, ordersText(p.matched));
        if (!rules.at(i).enabled)
            line = tr("%1: off").arg(p.ruleName);
        else if (p.matched > 0) {
            QStringList what;
            if (p.held)
                what.append(tr("%1 held").arg(p.held));
            if (p.prioritised)
                what.append(tr("%1 priority").arg(p.prioritised));
            if (p.routed)
                what.append(tr("%1 routed").arg(p.routed));
            if (p.serviced)
                what.append(tr("%1 service").arg(p.serviced));
            if (p.vip)
                what.append(tr("%1 VIP").arg(p.vip));
            line +=
                tr(" (%1): %2%3")
                    .arg(what.join(QStringLiteral(", ")), p.firstNumbers.join(QStringLiteral(", ")),
                         p.matched > p.firstNumbers.size() ? QStringLiteral(", …") : QString());
        }
        lines.append(line);
    }
    m_previewLabel->setText(lines.join(QLatin1Char('\n')));
}

void AutomationRulesDialog::save()
{
    const QList<AutomationRule> rules = editedRules();
    const QString error = m_source->saveRules(rules);
    if (!error.isEmpty()) {
        setMessage(tr("Not saved: %1").arg(error), true);
        return;
    }
    const int row = m_list->currentRow();
    reload();
    if (row >= 0 && row < m_list->count())
        m_list->setCurrentRow(row);
    setMessage(tr("Saved %1 rule(s). They run before each allocation.").arg(rules.size()), false);
}

} // namespace ui
