#include "models/importrules.h"
#include "models/orderexceptions.h"

#include <QTest>

using models::ChannelOrderState;
using models::ImportFieldError;
using models::ImportStatusInput;
using models::OrderStatus;

Q_DECLARE_METATYPE(std::optional<models::OrderStatus>)
Q_DECLARE_METATYPE(std::optional<models::ChannelOrderState>)

// How an imported order lands and how a channel's update moves an order already
// stored: one row per situation the owner would ask about.
class TestImportRules : public QObject
{
    Q_OBJECT

private slots:
    void decides_data();
    void decides();
    void holdReasonNamesRowFieldAndEverySku();
    void stateCodesRoundTrip();
};

namespace {

const QString kBrokenRow = QStringLiteral("row 7, field Total: not a number");
const QString kUnknown = QStringLiteral("unknown SKU ZZ-1, ZZ-2");

} // namespace

void TestImportRules::decides_data()
{
    QTest::addColumn<std::optional<OrderStatus>>("stored");
    QTest::addColumn<QString>("storedHold");
    QTest::addColumn<std::optional<ChannelOrderState>>("storedChannel");
    QTest::addColumn<ChannelOrderState>("channel");
    QTest::addColumn<bool>("broken");
    QTest::addColumn<bool>("unknownSkus");
    QTest::addColumn<bool>("contentChanged");
    QTest::addColumn<OrderStatus>("status");
    QTest::addColumn<QString>("hold");
    QTest::addColumn<QString>("eventContains"); // empty: no event text

    using S = OrderStatus;
    using C = ChannelOrderState;
    const std::optional<S> none;
    const std::optional<C> unknown;
    const QString noHold;
    const QString quiet;

    // Arrival.
    QTest::newRow("new: open") << none << noHold << unknown << C::Open << false << false << false
                               << S::New << noHold << quiet;
    QTest::newRow("new: cancelled on channel")
        << none << noHold << unknown << C::Cancelled << false << true << false << S::Cancelled
        << noHold << QStringLiteral("cancelled on the channel");
    QTest::newRow("new: shipped on channel")
        << none << noHold << unknown << C::Shipped << false << false << false << S::Shipped
        << noHold << QStringLiteral("shipped on the channel");
    QTest::newRow("new: unknown SKU") << none << noHold << unknown << C::Open << false << true
                                      << false << S::OnHold << kUnknown << kUnknown;
    QTest::newRow("new: broken field") << none << noHold << unknown << C::Open << true << false
                                       << false << S::OnHold << kBrokenRow << kBrokenRow;
    QTest::newRow("new: broken and unknown")
        << none << noHold << unknown << C::Open << true << true << false << S::OnHold
        << QString(kBrokenRow + QStringLiteral("; ") + kUnknown) << kUnknown;

    // Cancelled on the channel later.
    const std::optional<C> open = C::Open;
    QTest::newRow("cancel: new") << std::optional<S>(S::New) << noHold << open << C::Cancelled
                                 << false << false << false << S::Cancelled << noHold
                                 << QStringLiteral("cancelled on the channel");
    QTest::newRow("cancel: held by a person")
        << std::optional<S>(S::OnHold) << QStringLiteral("customer called") << open << C::Cancelled
        << false << false << false << S::Cancelled << noHold << QStringLiteral("cancelled");
    QTest::newRow("cancel: picking holds")
        << std::optional<S>(S::Picking) << noHold << open << C::Cancelled << false << false << false
        << S::OnHold
        << QStringLiteral("cancelled on the channel while picking: stop it, put its stock back "
                          "and cancel it")
        << QStringLiteral("on hold: cancelled on the channel while picking");
    QTest::newRow("cancel: ready holds") << std::optional<S>(S::Ready) << noHold << unknown
                                         << C::Cancelled << false << false << false << S::OnHold
                                         << QStringLiteral("cancelled on the channel while ready: "
                                                           "stop it, put its stock back and "
                                                           "cancel it")
                                         << QStringLiteral("while ready");
    QTest::newRow("cancel: shipped stays shipped")
        << std::optional<S>(S::Shipped) << noHold << open << C::Cancelled << false << false << false
        << S::Shipped << noHold << QStringLiteral("arrange the return or refund");
    QTest::newRow("cancel: already cancelled")
        << std::optional<S>(S::Cancelled) << noHold << open << C::Cancelled << false << false
        << false << S::Cancelled << noHold << quiet;
    QTest::newRow("cancel seen before: the hold stays")
        << std::optional<S>(S::OnHold)
        << QStringLiteral("cancelled on the channel while picking: stop it, put its stock back "
                          "and cancel it")
        << std::optional<C>(C::Cancelled) << C::Cancelled << false << false << true << S::OnHold
        << QStringLiteral("cancelled on the channel while picking: stop it, put its stock back "
                          "and cancel it")
        << quiet;

    // Shipped on the channel.
    QTest::newRow("ship: new") << std::optional<S>(S::New) << noHold << open << C::Shipped << false
                               << false << false << S::Shipped << noHold
                               << QStringLiteral("shipped on the channel");
    QTest::newRow("ship: packed") << std::optional<S>(S::Packed) << noHold << open << C::Shipped
                                  << false << false << false << S::Shipped << noHold
                                  << QStringLiteral("shipped on the channel");
    QTest::newRow("ship: delivered never back")
        << std::optional<S>(S::Delivered) << noHold << open << C::Shipped << false << false << false
        << S::Delivered << noHold << quiet;
    QTest::newRow("ship: cancelled here")
        << std::optional<S>(S::Cancelled) << noHold << open << C::Shipped << false << false << false
        << S::Cancelled << noHold << QStringLiteral("although cancelled here");

    // Reopened on the channel: never backwards.
    QTest::newRow("reopen: cancelled stays")
        << std::optional<S>(S::Cancelled) << noHold << std::optional<C>(C::Cancelled) << C::Open
        << false << false << false << S::Cancelled << noHold
        << QStringLiteral("open again on the channel");

    // Same channel state, data changed.
    QTest::newRow("open: unknown SKU added to new")
        << std::optional<S>(S::New) << noHold << open << C::Open << false << true << true
        << S::OnHold << kUnknown << kUnknown;
    QTest::newRow("open: import hold lifted")
        << std::optional<S>(S::OnHold) << kUnknown << open << C::Open << false << false << false
        << S::New << noHold << QStringLiteral("released");
    QTest::newRow("open: import hold still there")
        << std::optional<S>(S::OnHold) << kUnknown << open << C::Open << false << true << false
        << S::OnHold << kUnknown << quiet;
    QTest::newRow("open: import hold with a new cause")
        << std::optional<S>(S::OnHold) << kUnknown << open << C::Open << true << false << true
        << S::OnHold << kBrokenRow << kBrokenRow;
    QTest::newRow("open: a person's hold stays")
        << std::optional<S>(S::OnHold) << QStringLiteral("fraud check") << open << C::Open << false
        << false << true << S::OnHold << QStringLiteral("fraud check") << quiet;
    QTest::newRow("open: address changed while picking")
        << std::optional<S>(S::Picking) << noHold << open << C::Open << false << false << true
        << S::OnHold
        << QStringLiteral("changed on the channel while picking: check it before it "
                          "ships")
        << QStringLiteral("changed on the channel");
    QTest::newRow("open: paid while ready")
        << std::optional<S>(S::Ready) << noHold << open << C::Open << false << false << false
        << S::Ready << noHold << quiet;
    QTest::newRow("open: shipped order edited")
        << std::optional<S>(S::Shipped) << noHold << std::optional<C>(C::Shipped) << C::Shipped
        << false << false << true << S::Shipped << noHold << quiet;
}

void TestImportRules::decides()
{
    QFETCH(std::optional<OrderStatus>, stored);
    QFETCH(QString, storedHold);
    QFETCH(std::optional<ChannelOrderState>, storedChannel);
    QFETCH(ChannelOrderState, channel);
    QFETCH(bool, broken);
    QFETCH(bool, unknownSkus);
    QFETCH(bool, contentChanged);
    QFETCH(OrderStatus, status);
    QFETCH(QString, hold);
    QFETCH(QString, eventContains);

    ImportStatusInput in;
    in.stored = stored;
    in.storedHoldReason = storedHold;
    in.storedChannel = storedChannel;
    in.channel = channel;
    if (broken)
        in.firstError =
            ImportFieldError{7, QStringLiteral("Total"), QStringLiteral("not a number")};
    if (unknownSkus)
        in.unknownSkus = {QStringLiteral("ZZ-1"), QStringLiteral("ZZ-2")};
    in.contentChanged = contentChanged;

    const models::ImportStatusDecision d = models::decideImportedStatus(in);
    QCOMPARE(models::orderStatusCode(d.status), models::orderStatusCode(status));
    QCOMPARE(d.holdReason, hold);
    QCOMPARE(d.holdReason.isEmpty(), d.status != OrderStatus::OnHold);
    if (eventContains.isEmpty())
        QVERIFY2(d.eventText.isEmpty(), qPrintable(d.eventText));
    else
        QVERIFY2(d.eventText.contains(eventContains), qPrintable(d.eventText));
}

void TestImportRules::holdReasonNamesRowFieldAndEverySku()
{
    QCOMPARE(models::importHoldReason(std::nullopt, {}), QString());
    const QString reason = models::importHoldReason(
        ImportFieldError{12, QStringLiteral("Lineitem quantity"), QStringLiteral("not a number")},
        {QStringLiteral("A-1"), QStringLiteral("B-2")});
    QCOMPARE(reason, QStringLiteral("row 12, field Lineitem quantity: not a number; unknown SKU "
                                    "A-1, B-2"));
    QVERIFY(models::isImportHoldReason(reason));
    QVERIFY(models::isImportHoldReason(QStringLiteral("unknown SKU X")));
    QVERIFY(!models::isImportHoldReason(QStringLiteral("customer asked to wait")));

    // The allocator's own unknown-SKU hold is recognised from its real words.
    const std::optional<models::OrderHold> allocatorHold =
        models::OrderExceptions::unknownSku({{2, false, QStringLiteral("ZZ-1"), 1, std::nullopt}});
    QVERIFY(allocatorHold);
    QVERIFY2(models::isAllocatorUnknownSkuHold(allocatorHold->reason),
             qPrintable(allocatorHold->reason));
    QVERIFY(!models::isAllocatorUnknownSkuHold(reason));
    QVERIFY(!models::isAllocatorUnknownSkuHold(QStringLiteral("customer asked to wait")));
}

void TestImportRules::stateCodesRoundTrip()
{
    for (ChannelOrderState s :
         {ChannelOrderState::Open, ChannelOrderState::Cancelled, ChannelOrderState::Shipped})
        QCOMPARE(models::channelOrderStateFromCode(models::channelOrderStateCode(s)), s);
    QVERIFY(!models::channelOrderStateFromCode(u"lost"));
}

QTEST_GUILESS_MAIN(TestImportRules)
#include "tst_importrules.moc"
