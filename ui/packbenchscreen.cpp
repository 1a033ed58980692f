#include "ui/packbenchscreen.h"

#include "printing/barcodereader.h"
#include "ui/packcamera.h"
#include "ui/screenheader.h"

#include <QApplication>
#include <QAudioDevice>
#include <QClipboard>
#include <QDate>
#include <QFileDialog>
#include <QFrame>
#include <QHeaderView>
#include <QImageReader>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMediaDevices>
#include <QMimeData>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace ui {

using models::ScanResult;
using models::ScanVerdict;

namespace {

// How long the screen stays green after a right scan before it calms down.
constexpr int kGreenMs = 1200;

struct Look
{
    const char *background;
    const char *text;
};

Look lookOf(PackBenchScreen::State s)
{
    switch (s) {
    case PackBenchScreen::State::NoDatabase:
    case PackBenchScreen::State::Idle:
        return {"#eef1f5", "#1f2933"};
    case PackBenchScreen::State::Loaded:
        return {"#ffffff", "#1f2933"};
    case PackBenchScreen::State::Right:
        return {"#1e8e3e", "#ffffff"};
    case PackBenchScreen::State::Wrong:
        return {"#c5221f", "#ffffff"};
    case PackBenchScreen::State::Done:
        return {"#0b5d2a", "#ffffff"};
    }
    return {"#ffffff", "#000000"};
}

QLabel *bigLabel(int points, bool bold, QWidget *parent)
{
    auto *l = new QLabel(parent);
    QFont f = l->font();
    f.setPointSize(points);
    f.setBold(bold);
    l->setFont(f);
    l->setWordWrap(true);
    l->setFocusPolicy(Qt::NoFocus);
    l->setTextInteractionFlags(Qt::NoTextInteraction);
    return l;
}

QString kilograms(int grams)
{
    return QStringLiteral("%1 kg").arg(grams / 1000.0, 0, 'f', 2);
}

bool isUnder(const QWidget *w, const QWidget *ancestor)
{
    for (; w; w = w->parentWidget())
        if (w == ancestor)
            return true;
    return false;
}

} // namespace

PackBenchScreen::PackBenchScreen(models::PackBenchSource *source, QWidget *parent)
    : QWidget(parent), m_source(source), m_header(new ScreenHeader(tr("Pack bench"), this)),
      m_panel(new QFrame(this)), m_calm(new QTimer(this))
{
    m_panel->setObjectName(QStringLiteral("packPanel"));
    m_panel->setAttribute(Qt::WA_StyledBackground, true);
    m_order = bigLabel(26, true, m_panel);
    m_order->setObjectName(QStringLiteral("packOrder"));
    m_headline = bigLabel(40, true, m_panel);
    m_headline->setObjectName(QStringLiteral("packHeadline"));
    m_message = bigLabel(20, false, m_panel);
    m_message->setObjectName(QStringLiteral("packMessage"));
    m_progress = bigLabel(24, false, m_panel);
    m_progress->setObjectName(QStringLiteral("packProgress"));

    m_lines = new QTableWidget(0, 4, m_panel);
    m_lines->setObjectName(QStringLiteral("packLines"));
    m_lines->setHorizontalHeaderLabels({tr("Packed"), tr("Item"), tr("SKU"), tr("Barcode")});
    m_lines->setFocusPolicy(Qt::NoFocus);
    m_lines->setSelectionMode(QAbstractItemView::NoSelection);
    m_lines->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_lines->verticalHeader()->hide();
    m_lines->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_lines->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    QFont tableFont = m_lines->font();
    tableFont.setPointSize(20);
    m_lines->setFont(tableFont);
    m_lines->verticalHeader()->setDefaultSectionSize(QFontMetrics(tableFont).height() + 14);
    m_lines->setMinimumHeight(3 * (QFontMetrics(tableFont).height() + 14));
    m_lines->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Ignored);

    m_box = bigLabel(18, false, m_panel);
    m_box->setObjectName(QStringLiteral("packBox"));
    m_figures = bigLabel(14, false, m_panel);
    m_figures->setObjectName(QStringLiteral("packFigures"));
    m_cameraView = new QLabel(m_panel);
    m_cameraView->setFixedSize(320, 240);
    m_cameraView->setScaledContents(true);
    m_cameraView->hide();

    m_scan = new QLineEdit(m_panel);
    m_scan->setObjectName(QStringLiteral("packScan"));
    QFont scanFont = m_scan->font();
    scanFont.setPointSize(28);
    m_scan->setFont(scanFont);
    m_scan->setPlaceholderText(tr("Scan here"));
    m_scan->installEventFilter(this);
    m_scan->setStyleSheet(QStringLiteral(
        "QLineEdit { background: #ffffff; color: #1f2933; border: 3px solid #3b6fb6; "
        "border-radius: 6px; padding: 6px; }"));

    m_printStatus = bigLabel(14, false, m_panel);
    m_printStatus->setObjectName(QStringLiteral("packPrintStatus"));
    m_printStatus->hide();
    // Room for the whole message before the lines table gets any.
    m_printStatus->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    m_printStatus->setContentsMargins(10, 6, 10, 6);
    auto *printer = new QPushButton(tr("Printer… (F9)"), m_panel);
    printer->setObjectName(QStringLiteral("packPrinter"));
    printer->setFocusPolicy(Qt::NoFocus);
    connect(printer, &QPushButton::clicked, this, &PackBenchScreen::printerSettingsRequested);

    m_keys = bigLabel(12, false, m_panel);
    m_keys->setObjectName(QStringLiteral("packKeys"));
    m_keys->setText(
        tr("Enter: scan · x12: the last item counts 12 · Ctrl+Z or UNDO: undo · w1250 / "
           "w1.25kg: weight · box code: box · Esc: put the order aside · Ctrl+V / Ctrl+O: "
           "barcode from an image · Ctrl+K: camera · F5: reprint the label · F9: printer · "
           "F11: full screen"));

    auto *top = new QHBoxLayout;
    top->addWidget(m_order, 1);
    top->addWidget(m_cameraView, 0, Qt::AlignTop);

    auto *panel = new QVBoxLayout(m_panel);
    panel->setContentsMargins(24, 16, 24, 16);
    panel->setSpacing(10);
    panel->addLayout(top);
    panel->addWidget(m_headline);
    panel->addWidget(m_message);
    panel->addWidget(m_progress);
    panel->addWidget(m_lines, 100);
    panel->addStretch(1); // takes the room while no order is open
    panel->addWidget(m_box);
    panel->addWidget(m_scan);
    panel->addWidget(m_printStatus);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_figures, 1);
    bottom->addWidget(printer, 0, Qt::AlignBottom);
    panel->addLayout(bottom);
    panel->addWidget(m_keys);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_header);
    layout->addWidget(m_panel, 1);

    m_header->setFocusPolicy(Qt::NoFocus);
    setFocusProxy(m_scan);

    m_calm->setSingleShot(true);
    m_calm->setInterval(kGreenMs);
    connect(m_calm, &QTimer::timeout, this, [this] {
        if (m_state == State::Right)
            setState(State::Loaded, m_messageText, m_headline->text());
    });
    connect(m_scan, &QLineEdit::returnPressed, this, [this] {
        const QString text = m_scan->text();
        m_scan->clear();
        submit(text);
    });
    // Whatever inside the screen is clicked or tabbed to, the scanner types into the
    // scan field.
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        if (now && now != m_scan && isUnder(now, this))
            m_scan->setFocus(Qt::OtherFocusReason);
    });

    if (!m_source) {
        m_header->setSummary(tr("No database is open"));
        setState(State::NoDatabase, tr("No database is open: the pack bench needs one."));
        showOrder();
        m_scan->setEnabled(false);
        return;
    }
    m_header->setSummary(tr("Station %1 · packer %2").arg(m_source->station(), m_source->packer()));
    if (models::Result<QList<models::PackBox>> b = m_source->boxes(); b.ok())
        m_boxes = b.value();
    else
        m_header->setError(b.error());
    setState(State::Idle, tr("Scan an order"));
    showOrder();
    refreshFigures();
}

PackBenchScreen::~PackBenchScreen() = default;

void PackBenchScreen::setSound(std::unique_ptr<PackSound> sound)
{
    m_sound = std::move(sound);
}

QString PackBenchScreen::message() const
{
    return m_messageText;
}

QString PackBenchScreen::headline() const
{
    return m_headline->text();
}

QString PackBenchScreen::orderText() const
{
    return m_order->text();
}

QString PackBenchScreen::boxText() const
{
    return m_box->text();
}

QString PackBenchScreen::figuresText() const
{
    return m_figures->text();
}

void PackBenchScreen::setPrintStatus(const QString &text, bool problem)
{
    m_printProblem = problem;
    m_printStatus->setText(text);
    m_printStatus->setVisible(!text.isEmpty());
    QFont f = m_printStatus->font();
    f.setPointSize(problem ? 18 : 14);
    f.setBold(problem);
    m_printStatus->setFont(f);
    m_printStatus->setStyleSheet(
        problem ? QStringLiteral("QLabel { background: #c5221f; color: #ffffff; "
                                 "border-radius: 6px; }")
                : QStringLiteral("QLabel { color: #52606d; }"));
}

QString PackBenchScreen::printStatus() const
{
    return m_printStatus->text();
}

void PackBenchScreen::play(PackSound::Cue cue)
{
    // Made on the first sound, so a window that never packs never opens the audio device.
    if (!m_sound) {
        if (QMediaDevices::audioOutputs().isEmpty())
            m_sound = std::make_unique<BeepSound>();
        else
            m_sound = std::make_unique<EffectSound>(this);
    }
    m_sound->play(cue);
}

void PackBenchScreen::setState(State state, const QString &message, const QString &headline)
{
    m_messageText = message;
    m_headline->setText(headline.isEmpty() ? message : headline);
    m_message->setVisible(!headline.isEmpty() && headline != message);
    const Look look = lookOf(state);
    m_panel->setStyleSheet(
        QStringLiteral("#packPanel { background: %1; } #packPanel QLabel { color: %2; }")
            .arg(QLatin1String(look.background), QLatin1String(look.text)));
    m_message->setText(message);
    const bool changed = m_state != state;
    m_state = state;
    if (state == State::Right)
        m_calm->start();
    else
        m_calm->stop();
    if (changed)
        emit stateChanged(state);
}

void PackBenchScreen::log(const QString &code, const ScanVerdict &v)
{
    if (!m_source)
        return;
    models::PackScanRecord r;
    r.orderId = m_session.hasOrder() ? m_session.order().id : 0;
    r.code = code;
    r.result = v.result;
    r.units = v.units;
    r.detail = v.message;
    if (models::Status s = m_source->logScan(r); !s)
        m_header->setError(tr("The scan was not logged: %1").arg(s.error()));
}

void PackBenchScreen::submit(const QString &typed)
{
    const QString text = typed.trimmed();
    if (!m_source || text.isEmpty())
        return;
    m_header->setError(QString());
    const bool orderOpen = m_session.hasOrder() && m_state != State::Done;
    if (orderOpen) {
        submitToOrder(text);
        return;
    }
    const models::PackInput input = models::parsePackInput(text);
    switch (input.kind) {
    case models::PackInput::Kind::Weight:
        if (m_state == State::Done && m_lastPackedId != 0) {
            if (input.number <= 0 || input.number > 70'000) {
                setState(State::Wrong, tr("Weight not understood: type w1250 or w1.25kg"),
                         tr("✗ Not done"));
                play(PackSound::Cue::Wrong);
            } else if (models::Status s = m_source->recordWeight(m_lastPackedId, input.number);
                       !s) {
                setState(State::Wrong, s.error(), tr("✗ Not done"));
                play(PackSound::Cue::Wrong);
            } else {
                m_box->setText(tr("Weight %1 recorded for %2")
                                   .arg(kilograms(input.number), m_lastPackedNumber));
                play(PackSound::Cue::Right);
            }
            return;
        }
        [[fallthrough]];
    case models::PackInput::Kind::Multiply:
    case models::PackInput::Kind::Undo:
        setState(State::Wrong,
                 m_state == State::Done
                     ? tr("%1 is packed already. Scan the next order.").arg(m_lastPackedNumber)
                     : tr("Scan an order first"),
                 tr("✗ Not done"));
        play(PackSound::Cue::Wrong);
        return;
    case models::PackInput::Kind::Empty:
        return;
    case models::PackInput::Kind::Code:
        loadOrder(text);
        return;
    }
}

void PackBenchScreen::loadOrder(const QString &code)
{
    models::Result<models::PackOrder> found = m_source->findOrder(code);
    if (!found.ok()) {
        QString why = found.error();
        if (why.startsWith(QLatin1String("No order has")))
            if (const std::optional<models::ScannedProduct> p = m_source->identify(code))
                why = tr("%1 (%2) is an item: scan the order first").arg(p->name, p->sku);
        m_session = models::PackSession();
        ScanVerdict v{ScanResult::OrderRefused, -1, 0, why, false};
        log(code, v);
        showOrder();
        m_order->setText(QString());
        setState(State::Wrong, why, tr("✗ Cannot pack this"));
        play(PackSound::Cue::Wrong);
        return;
    }
    m_session = models::PackSession(std::move(found).value(), m_boxes);
    log(code, {ScanResult::OrderFound, -1, 0, m_session.order().orderNumber, false});
    showOrder();
    setState(State::Loaded, tr("Scan the items"));
    play(PackSound::Cue::Right);
}

void PackBenchScreen::submitToOrder(const QString &text)
{
    const ScanVerdict v =
        m_session.submit(text, [this](const QString &c) { return m_source->identify(c); });
    QString message = v.message;
    // A packer who scans the next order before finishing this one is told so.
    if (v.result == ScanResult::Unknown) {
        if (models::Result<models::PackOrder> other = m_source->findOrder(text); other.ok()) {
            message = other->id == m_session.order().id
                          ? tr("That is this order's own code (%1): scan its items")
                                .arg(other->orderNumber)
                          : tr("That is order %1: finish %2 first, or press Esc to put it aside")
                                .arg(other->orderNumber, m_session.order().orderNumber);
        }
    }
    log(text, {v.result, v.line, v.units, message, v.complete});
    showOrder();
    if (v.complete && (v.isGood() || v.result == ScanResult::Undo)) {
        complete();
        return;
    }
    if (v.isBad()) {
        setState(State::Wrong, message, headlineOf(v, message != v.message));
        play(PackSound::Cue::Wrong);
    } else if (v.isGood()) {
        setState(State::Right, message, headlineOf(v, false));
        play(PackSound::Cue::Right);
    } else {
        setState(State::Loaded, message, headlineOf(v, false));
    }
}

QString PackBenchScreen::headlineOf(const ScanVerdict &v, bool otherOrder) const
{
    auto line = [&] {
        const models::PackLine &l = m_session.order().lines.at(v.line);
        const QString title =
            l.kit >= 0 && l.kit < m_session.order().kits.size()
                ? tr("%1 for %2").arg(l.title, m_session.order().kits.at(l.kit).sku)
                : l.title;
        return QStringLiteral("%1 %2 / %3")
            .arg(title)
            .arg(m_session.packed(v.line))
            .arg(l.quantity);
    };
    switch (v.result) {
    case ScanResult::Right:
    case ScanResult::Quantity:
        return v.line >= 0 ? tr("✓ %1").arg(line()) : QString();
    case ScanResult::Wrong:
        return tr("✗ Wrong item");
    case ScanResult::OverScan:
        return tr("✗ One too many");
    case ScanResult::Unknown:
        return otherOrder ? tr("✗ Another order") : tr("✗ Unknown code");
    case ScanResult::Refused:
        return v.kit >= 0 ? tr("✗ Scan the kit's parts") : tr("✗ Not done");
    case ScanResult::Undo:
        return tr("↶ Undone: %1").arg(line());
    case ScanResult::NothingToUndo:
        return tr("Nothing to undo");
    case ScanResult::Box:
        return tr("Box chosen");
    case ScanResult::Weight:
        return tr("Weight recorded");
    case ScanResult::OrderFound:
    case ScanResult::OrderRefused:
        break;
    }
    return QString();
}

void PackBenchScreen::complete()
{
    const models::PackOrder &o = m_session.order();
    models::PackCompletion c;
    c.orderId = o.id;
    if (const std::optional<models::PackBox> b = m_session.box())
        c.boxCode = b->code;
    c.weightEstimated = m_session.weightGrams() == 0;
    c.weightGrams = c.weightEstimated ? m_session.estimatedWeightGrams() : m_session.weightGrams();
    c.units = m_session.unitsPacked();
    if (models::Status s = m_source->markPacked(c); !s) {
        setState(State::Wrong, tr("Not marked packed: %1").arg(s.error()), tr("✗ Not packed"));
        play(PackSound::Cue::Wrong);
        return;
    }
    m_lastPackedId = o.id;
    m_lastPackedNumber = o.orderNumber;
    setState(State::Done, tr("%1 packed. Scan the next order.").arg(o.orderNumber),
             tr("✓ %1 packed").arg(o.orderNumber));
    if (c.weightEstimated && c.weightGrams > 0)
        m_box->setText(m_box->text() +
                       tr(" · type w and the weight to record what the scale says"));
    play(PackSound::Cue::Done);
    refreshFigures();
    emit orderPacked(o.id, o.orderNumber);
}

void PackBenchScreen::putAside()
{
    if (!m_session.hasOrder() || m_state == State::Done)
        return;
    const QString number = m_session.order().orderNumber;
    m_session = models::PackSession();
    showOrder();
    setState(State::Idle, tr("%1 put aside. Scan an order").arg(number));
}

void PackBenchScreen::showOrder()
{
    m_lines->setRowCount(0);
    for (QWidget *w : std::initializer_list<QWidget *>{m_order, m_progress, m_lines, m_box})
        w->setVisible(m_session.hasOrder());
    if (!m_session.hasOrder()) {
        m_order->clear();
        m_progress->clear();
        m_box->clear();
        return;
    }
    const models::PackOrder &o = m_session.order();
    QStringList head{o.orderNumber};
    if (!o.shipName.isEmpty())
        head << o.shipName;
    head << o.channelName;
    if (!o.shippingService.isEmpty())
        head << o.shippingService;
    if (!o.pickSlot.isEmpty())
        head << tr("slot %1").arg(o.pickSlot);
    m_order->setText(head.join(QStringLiteral(" · ")));
    m_progress->setText(
        tr("%1 of %2 items packed").arg(m_session.unitsPacked()).arg(m_session.unitsWanted()));
    const int last = m_session.lastLine();
    const auto addRow = [this](const QStringList &cells, const QColor &background, bool bold) {
        const int row = m_lines->rowCount();
        m_lines->insertRow(row);
        for (int c = 0; c < 4; ++c) {
            auto *item = new QTableWidgetItem(cells.value(c));
            if (background.isValid())
                item->setBackground(background);
            if (c == 0)
                item->setTextAlignment(Qt::AlignCenter);
            if (bold) {
                QFont f = m_lines->font();
                f.setBold(true);
                item->setFont(f);
            }
            m_lines->setItem(row, c, item);
        }
    };
    const QColor doneColour(0xd7, 0xf0, 0xdc);
    for (int i = 0; i < m_session.lineCount(); ++i) {
        const models::PackLine &l = o.lines.at(i);
        const bool part = l.kit >= 0 && l.kit < o.kits.size();
        // A kit's line heads its parts, which are scanned one by one beneath it.
        if (part && (i == 0 || o.lines.at(i - 1).kit != l.kit)) {
            const models::PackKit &kit = o.kits.at(l.kit);
            const int kits = m_session.kitsPacked(l.kit);
            addRow({tr("%1 / %2").arg(kits).arg(kit.quantity),
                    tr("%1 (kit: scan its parts)").arg(kit.title), kit.sku, QString()},
                   kits >= kit.quantity ? doneColour : QColor(0xee, 0xf0, 0xf3), true);
        }
        const bool done = m_session.remaining(i) == 0;
        addRow({QStringLiteral("%1 / %2").arg(m_session.packed(i)).arg(l.quantity),
                part ? QStringLiteral("      ") + l.title : l.title, l.sku, l.barcodes.value(0)},
               done        ? doneColour
               : i == last ? QColor(0xfd, 0xf3, 0xd0)
                           : QColor(),
               false);
    }
    const std::optional<models::PackBox> chosen = m_session.chosenBox();
    const std::optional<models::PackBox> box = m_session.box();
    QString boxText =
        box ? tr("Box: %1 (%2)%3").arg(box->name, box->code, chosen ? QString() : tr(", suggested"))
            : tr("Box: no suggestion (sizes not known); scan a box code");
    const int grams = m_session.weightGrams();
    boxText += grams > 0 ? tr(" · Weight: %1").arg(kilograms(grams))
                         : tr(" · Weight: about %1 (estimated)")
                               .arg(kilograms(m_session.estimatedWeightGrams()));
    m_box->setText(boxText);
}

void PackBenchScreen::refreshFigures()
{
    if (!m_source)
        return;
    const QDateTime midnight = QDateTime(QDate::currentDate(), QTime(0, 0)).toUTC();
    models::Result<models::PackFigures> f = m_source->figuresSince(midnight);
    if (!f.ok()) {
        m_figures->setText(tr("Today's figures are not available: %1").arg(f.error()));
        return;
    }
    QString text = f->ordersPacked == 1 ? tr("Today: 1 order packed")
                                        : tr("Today: %1 orders packed").arg(f->ordersPacked);
    if (f->ordersPacked > 0)
        text += tr(" · accuracy %1%").arg(f->accuracy() * 100.0, 0, 'f', 1);
    if (f->itemScans > 0)
        text += tr(" · mis-scans %1%").arg(f->misScanRate() * 100.0, 0, 'f', 1);
    QStringList packers;
    for (const models::PackerFigures &p : f->packers)
        if (p.orders > 0)
            packers << tr("%1 %2 orders/h, %3 items/h")
                           .arg(p.packer)
                           .arg(p.ordersPerHour(), 0, 'f', 1)
                           .arg(p.itemsPerHour(), 0, 'f', 0);
    if (!packers.isEmpty())
        text += QStringLiteral(" · ") + packers.join(QStringLiteral(" · "));
    m_figures->setText(text);
}

bool PackBenchScreen::scanImage(const QImage &image)
{
    const std::optional<printing::ReadBarcode> r = printing::readBarcode(image);
    if (!r) {
        setState(State::Wrong, tr("No barcode found in the image"), tr("✗ No barcode"));
        play(PackSound::Cue::Wrong);
        return false;
    }
    submit(r->text);
    return true;
}

bool PackBenchScreen::scanImageFile(const QString &path)
{
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QImage image = reader.read();
    if (image.isNull()) {
        setState(State::Wrong, tr("%1: %2").arg(path, reader.errorString()), tr("✗ No image"));
        play(PackSound::Cue::Wrong);
        return false;
    }
    return scanImage(image);
}

void PackBenchScreen::pasteImage()
{
    const QMimeData *mime = QApplication::clipboard()->mimeData();
    if (mime && mime->hasImage())
        scanImage(qvariant_cast<QImage>(mime->imageData()));
    else
        m_scan->paste();
}

void PackBenchScreen::openImage()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Barcode image"), QString(),
        tr("Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp *.tif *.tiff)"));
    m_scan->setFocus();
    if (!path.isEmpty())
        scanImageFile(path);
}

void PackBenchScreen::toggleFullScreen()
{
    m_fullScreen = !m_fullScreen;
    if (isWindow())
        m_fullScreen ? showFullScreen() : showNormal();
    emit fullScreenChanged(m_fullScreen);
    m_scan->setFocus();
}

void PackBenchScreen::toggleCamera()
{
    if (!m_camera) {
        m_camera = new PackCamera(this);
        connect(m_camera, &PackCamera::decoded, this, &PackBenchScreen::submit);
        connect(m_camera, &PackCamera::preview, this, [this](const QImage &image) {
            m_cameraView->setPixmap(QPixmap::fromImage(image));
        });
    }
    if (m_camera->isActive()) {
        m_camera->stop();
        m_cameraView->hide();
        return;
    }
    if (!m_camera->start()) {
        m_header->setError(m_camera->errorText());
        return;
    }
    m_cameraView->show();
}

bool PackBenchScreen::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_scan)
        return QWidget::eventFilter(watched, event);
    if (event->type() != QEvent::ShortcutOverride && event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    enum class Act
    {
        None,
        Undo,
        Paste,
        Open,
        Camera,
        Full,
        Aside,
        Reprint,
        Printer
    } act = Act::None;
    if (key->matches(QKeySequence::Undo))
        act = Act::Undo;
    else if (key->matches(QKeySequence::Paste))
        act = Act::Paste;
    else if (key->matches(QKeySequence::Open))
        act = Act::Open;
    else if (key->key() == Qt::Key_K && key->modifiers() == Qt::ControlModifier)
        act = Act::Camera;
    else if (key->key() == Qt::Key_F11)
        act = Act::Full;
    else if (key->key() == Qt::Key_Escape)
        act = Act::Aside;
    else if (key->key() == Qt::Key_F5)
        act = Act::Reprint;
    else if (key->key() == Qt::Key_F9)
        act = Act::Printer;
    if (act == Act::None)
        return QWidget::eventFilter(watched, event);
    if (event->type() == QEvent::ShortcutOverride) {
        event->accept(); // ours, not a window shortcut's
        return true;
    }
    switch (act) {
    case Act::Undo:
        m_scan->clear();
        submit(QStringLiteral("UNDO"));
        break;
    case Act::Paste:
        pasteImage();
        break;
    case Act::Open:
        openImage();
        break;
    case Act::Camera:
        toggleCamera();
        break;
    case Act::Full:
        toggleFullScreen();
        break;
    case Act::Aside:
        if (m_fullScreen && !m_session.hasOrder())
            toggleFullScreen();
        else
            putAside();
        break;
    case Act::Reprint:
        emit reprintRequested();
        break;
    case Act::Printer:
        emit printerSettingsRequested();
        break;
    case Act::None:
        break;
    }
    return true;
}

void PackBenchScreen::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_scan->setFocus(Qt::OtherFocusReason);
}

void PackBenchScreen::mousePressEvent(QMouseEvent *event)
{
    QWidget::mousePressEvent(event);
    m_scan->setFocus(Qt::MouseFocusReason);
}

} // namespace ui
