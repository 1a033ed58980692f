#include "ui/pulldialog.h"

#include "importers/orderfile.h"
#include "ui/importsummarypage.h"
#include "ui/pullworker.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace ui {

namespace api = importers::api;

namespace {

// The summary page speaks of files; a pull is shown as one "file" named for its source.
importers::ImportFileReport asImportReport(const api::PullReport &r)
{
    importers::ImportFileReport out;
    out.file = r.source;
    out.format = importers::orderFileFormatFromCode(r.channel);
    out.message = r.message;
    out.totals = r.totals;
    switch (r.status) {
    case api::PullReport::Status::Pulled:
        out.status = importers::ImportFileReport::Status::Imported;
        break;
    case api::PullReport::Status::Failed:
        out.status = importers::ImportFileReport::Status::Rejected;
        break;
    case api::PullReport::Status::Cancelled:
        out.status = importers::ImportFileReport::Status::Cancelled;
        break;
    }
    return out;
}

} // namespace

PullDialog::PullDialog(OrderImportSinkFactory makeSink, const QString &userName, QWidget *parent)
    : QDialog(parent), m_makeSink(std::move(makeSink)), m_userName(userName)
{
    setObjectName(QStringLiteral("pullDialog"));
    setWindowTitle(tr("Pull orders from channels"));
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(buildSetupPage());
    m_pages->addWidget(buildProgressPage());
    m_summary = new ImportSummaryPage(this);
    m_summary->setObjectName(QStringLiteral("pullSummary"));
    m_pages->addWidget(m_summary);

    auto *buttons = new QDialogButtonBox(this);
    m_pullButton = buttons->addButton(tr("&Pull orders"), QDialogButtonBox::AcceptRole);
    m_pullButton->setObjectName(QStringLiteral("pullButton"));
    m_cancelButton = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_closeButton = buttons->addButton(QDialogButtonBox::Close);
    m_closeButton->setObjectName(QStringLiteral("closeButton"));
    connect(m_pullButton, &QPushButton::clicked, this, &PullDialog::startPull);
    connect(m_cancelButton, &QPushButton::clicked, this, &PullDialog::reject);
    connect(m_closeButton, &QPushButton::clicked, this, &QDialog::accept);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages, 1);
    layout->addWidget(buttons);
    setStage(Stage::Setup);
    loadChannel();
    resize(780, 440);
}

PullDialog::~PullDialog() = default; // the worker (a child) cancels and waits

QWidget *PullDialog::buildSetupPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_channel = new QComboBox(page);
    m_channel->setObjectName(QStringLiteral("channelCombo"));
    m_channel->addItem(tr("Shopify"), QStringLiteral("shopify"));
    m_channel->addItem(tr("eBay"), QStringLiteral("ebay"));
    m_channel->addItem(tr("Amazon"), QStringLiteral("amazon"));
    form->addRow(tr("&Channel:"), m_channel);
    m_endpoint = new QLineEdit(page);
    m_endpoint->setObjectName(QStringLiteral("endpointEdit"));
    m_endpointLabel = new QLabel(page);
    m_endpointLabel->setBuddy(m_endpoint);
    form->addRow(m_endpointLabel, m_endpoint);
    m_token = new QLineEdit(page);
    m_token->setObjectName(QStringLiteral("tokenEdit"));
    m_token->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Access &token:"), m_token);
    m_marketplace = new QLineEdit(page);
    m_marketplace->setObjectName(QStringLiteral("marketplaceEdit"));
    m_marketplaceLabel = new QLabel(tr("&Marketplace:"), page);
    m_marketplaceLabel->setBuddy(m_marketplace);
    form->addRow(m_marketplaceLabel, m_marketplace);
    m_since = new QDateEdit(QDate::currentDate().addDays(-api::kDefaultPullDays), page);
    m_since->setObjectName(QStringLiteral("sinceEdit"));
    m_since->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_since->setCalendarPopup(true);
    m_since->setMaximumDate(QDate::currentDate());
    form->addRow(tr("Orders changed &since:"), m_since);
    m_remember = new QCheckBox(tr("&Remember this connection on this PC"), page);
    m_remember->setObjectName(QStringLiteral("rememberCheck"));
    m_remember->setChecked(true);
    form->addRow(QString(), m_remember);
    m_setupMessage = new QLabel(page);
    m_setupMessage->setObjectName(QStringLiteral("setupMessage"));
    m_setupMessage->setWordWrap(true);
    form->addRow(m_setupMessage);
    connect(m_channel, &QComboBox::currentIndexChanged, this, &PullDialog::loadChannel);
    return page;
}

QWidget *PullDialog::buildProgressPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    m_progressText = new QLabel(page);
    m_progressText->setObjectName(QStringLiteral("progressText"));
    m_progress = new QProgressBar(page);
    m_progress->setObjectName(QStringLiteral("progressBar"));
    m_progress->setRange(0, 0); // how many pages there are is known only at the last
    m_notice = new QLabel(page);
    m_notice->setObjectName(QStringLiteral("noticeText"));
    m_notice->setWordWrap(true);
    layout->addStretch(1);
    layout->addWidget(m_progressText);
    layout->addWidget(m_progress);
    layout->addWidget(m_notice);
    layout->addStretch(1);
    return page;
}

QString PullDialog::channel() const
{
    return m_channel->currentData().toString();
}

void PullDialog::loadChannel()
{
    const api::ChannelConnection saved = api::loadConnection(channel());
    const bool shopify = channel() == QLatin1String("shopify");
    m_endpointLabel->setText(shopify ? tr("S&hop:") : tr("API &address:"));
    m_endpoint->setPlaceholderText(shopify ? tr("my-shop or my-shop.myshopify.com")
                                   : channel() == QLatin1String("ebay")
                                       ? tr("https://api.ebay.com (leave empty)")
                                       : tr("https://sellingpartnerapi-na.amazon.com (leave "
                                            "empty)"));
    m_endpoint->setText(saved.endpoint);
    m_savedToken = saved.token;
    m_token->clear();
    m_token->setPlaceholderText(m_savedToken.isEmpty() ? tr("none saved") : tr("saved on this PC"));
    m_marketplace->setText(saved.marketplaceId);
    m_marketplace->setPlaceholderText(channel() == QLatin1String("amazon")
                                          ? tr("ATVPDKIKX0DER (amazon.com)")
                                          : tr("EBAY_US (optional)"));
    m_marketplace->setVisible(!shopify);
    m_marketplaceLabel->setVisible(!shopify);
    m_setupMessage->setText(m_makeSink ? QString() : tr("No database is open."));
}

api::ChannelConnection PullDialog::connectionFromFields() const
{
    api::ChannelConnection c;
    c.channel = channel();
    c.endpoint = m_endpoint->text().trimmed();
    c.token = m_token->text().trimmed().isEmpty() ? m_savedToken : m_token->text().trimmed();
    c.marketplaceId = m_marketplace->text().trimmed();
    return c;
}

void PullDialog::startPull()
{
    if (m_stage != Stage::Setup || !m_makeSink)
        return;
    const api::ChannelConnection connection = connectionFromFields();
    if (const models::Status ok = api::checkConnection(connection); !ok) {
        m_setupMessage->setText(ok.error());
        return;
    }
    if (m_remember->isChecked()) {
        api::saveConnection(connection);
        m_savedToken = connection.token;
    }
    api::PullOptions options;
    options.sinceUtc = m_since->date().startOfDay().toUTC();
    m_progressText->setText(tr("Asking %1…").arg(api::accountName(connection)));
    m_notice->clear();
    m_worker = new PullWorker(connection, options, m_userName, m_makeSink, this);
    connect(m_worker, &PullWorker::progressed, this, &PullDialog::showProgress);
    connect(m_worker, &PullWorker::finished, this, &PullDialog::finishPull);
    setStage(Stage::Pulling);
    m_worker->start();
}

void PullDialog::showProgress(const api::PullProgress &p)
{
    const QLocale locale;
    if (p.written > 0)
        m_progressText->setText(tr("Writing: %1 of %2 orders")
                                    .arg(locale.toString(p.written), locale.toString(p.orders)));
    else
        m_progressText->setText(tr("Read %1 page(s), %2 order(s)")
                                    .arg(locale.toString(p.pages), locale.toString(p.orders)));
    if (p.written > 0 && p.orders > 0) {
        m_progress->setRange(0, p.orders);
        m_progress->setValue(p.written);
    }
    m_notice->setText(p.notice);
}

void PullDialog::finishPull()
{
    m_report = m_worker->report();
    m_worker->deleteLater();
    m_worker = nullptr;
    const QLocale locale;
    const models::ImportRunTotals &t = m_report.totals;
    QString headline;
    switch (m_report.status) {
    case api::PullReport::Status::Pulled:
        headline = tr("Pulled %1 order(s) from %2 page(s) of %3: %4 new, %5 updated, %6 "
                      "unchanged, %7 on hold.")
                       .arg(locale.toString(t.rowsRead), locale.toString(m_report.pages),
                            api::channelApiName(m_report.channel), locale.toString(t.ordersCreated),
                            locale.toString(t.ordersUpdated), locale.toString(t.ordersUnchanged),
                            locale.toString(t.onHold));
        break;
    case api::PullReport::Status::Failed:
        headline = tr("The pull failed; nothing was written.");
        break;
    case api::PullReport::Status::Cancelled:
        headline = tr("The pull was cancelled; nothing was written.");
        break;
    }
    m_summary->showReports({asImportReport(m_report)});
    // The page's sentence counts files; a pull says what it did in its own words.
    if (auto *sentence = m_summary->findChild<QLabel *>(QStringLiteral("summaryHeadline")))
        sentence->setText(headline);
    setStage(Stage::Summary);
    if (m_report.status == api::PullReport::Status::Pulled &&
        (t.ordersCreated > 0 || t.ordersUpdated > 0))
        emit ordersPulled(headline);
}

void PullDialog::setStage(Stage stage)
{
    m_stage = stage;
    m_pages->setCurrentIndex(static_cast<int>(stage));
    m_pullButton->setVisible(stage == Stage::Setup);
    m_pullButton->setEnabled(static_cast<bool>(m_makeSink));
    m_pullButton->setDefault(stage == Stage::Setup);
    m_cancelButton->setVisible(stage != Stage::Summary);
    m_cancelButton->setEnabled(true);
    m_closeButton->setVisible(stage == Stage::Summary);
    m_closeButton->setDefault(stage == Stage::Summary);
    if (stage == Stage::Pulling) {
        m_progress->setRange(0, 0);
        m_cancelButton->setFocus();
    }
}

void PullDialog::reject()
{
    if (m_stage == Stage::Pulling) {
        if (m_worker) {
            m_worker->cancel();
            m_cancelButton->setEnabled(false);
            m_progressText->setText(tr("Cancelling…"));
        }
        return;
    }
    QDialog::reject();
}

} // namespace ui
