#pragma once
// What the order-reader tests share: reading a whole file the way the import does,
// and describing orders one aspect per line so a failing comparison shows what differs.

#include "importers/orderfile.h"

#include <QIODevice>
#include <QList>
#include <QString>

namespace readertest {

struct ReadResult
{
    QString openError; // openOrderFile refused the file
    QList<models::ImportedOrder> orders;
    QList<models::ImportFieldError> strayErrors;
    models::Status status;
};

// Reads every order, reusing one ImportedOrder as the import does, so a field
// left over from the order before would show.
inline ReadResult readDevice(QIODevice &device, const QString &name,
                             const importers::OrderFileOptions &options,
                             importers::OrderFileFormat format)
{
    ReadResult result;
    auto opened = importers::openOrderFile(device, name, options);
    if (!opened) {
        result.openError = opened.error();
        return result;
    }
    importers::OrderFileReader &reader = **opened;
    if (reader.format() != format) {
        result.openError =
            QStringLiteral("not read as %1").arg(importers::orderFileFormatName(format));
        return result;
    }
    models::ImportedOrder order;
    while (reader.next(order)) {
        result.orders.append(order);
        result.strayErrors.append(reader.takeStrayErrors());
    }
    result.strayErrors.append(reader.takeStrayErrors());
    result.status = reader.status();
    return result;
}

inline QString when(const QDateTime &at)
{
    return at.isValid() ? at.toString(Qt::ISODate) : QStringLiteral("-");
}

inline QString when(const std::optional<QDateTime> &at)
{
    return at ? when(*at) : QStringLiteral("-");
}

inline QString stateName(models::ChannelOrderState state)
{
    switch (state) {
    case models::ChannelOrderState::Open:
        return QStringLiteral("open");
    case models::ChannelOrderState::Cancelled:
        return QStringLiteral("cancelled");
    case models::ChannelOrderState::Shipped:
        return QStringLiteral("shipped");
    }
    return {};
}

// One line per aspect of an order, so a failing comparison shows what differs.
inline QString describeOrder(const models::ImportedOrder &o)
{
    return QStringLiteral("%1 id=%2 row=%3 rows=%4 placed=%5 paid=%6 cancelled=%7 shipBy=%8 %9 "
                          "payment=%10 %11")
               .arg(o.number, o.externalId)
               .arg(o.firstRow)
               .arg(o.sourceRows.size())
               .arg(when(o.placedAtUtc), when(o.paidAtUtc), when(o.cancelledAtUtc),
                    when(o.shipByUtc), stateName(o.state), o.paymentStatus, o.currency) +
           (o.hasPrices ? QStringLiteral(" sub=%1 ship=%2 tax=%3 disc=%4 total=%5 refunded=%6")
                              .arg(o.subtotalMinor)
                              .arg(o.shippingMinor)
                              .arg(o.taxMinor)
                              .arg(o.discountMinor)
                              .arg(o.totalMinor)
                              .arg(o.refundedMinor)
                        : QStringLiteral(" no prices"));
}

inline QString describePeople(const models::ImportedOrder &o)
{
    const models::Address &to = o.shipTo;
    return QStringLiteral("buyer=%1 <%2> %3; to=%4|%5|%6|%7|%8|%9")
               .arg(o.buyerName, o.buyerEmail, o.buyerPhone, to.name, to.company, to.line1,
                    to.line2, to.city, to.region) +
           QStringLiteral("|%1|%2|%3; service=%4%5; notes=%6")
               .arg(to.postcode, to.country, to.phone, o.shippingService,
                    o.expedited ? QStringLiteral(" (expedited)") : QString(), o.notes);
}

inline QString describeLines(const models::ImportedOrder &o)
{
    QStringList out;
    for (const models::ImportedLine &l : o.lines) {
        out.append(QStringLiteral("[%1] %2 '%3' %4 x %5 = %6 tax %7 disc %8 shipped %9")
                       .arg(l.externalLineId, l.sku, l.title)
                       .arg(l.quantity)
                       .arg(l.unitPriceMinor)
                       .arg(l.totalMinor)
                       .arg(l.taxMinor)
                       .arg(l.discountMinor)
                       .arg(l.quantityShippedOnChannel));
    }
    return out.join(u'\n');
}

inline QString describeErrors(const QList<models::ImportFieldError> &errors)
{
    QStringList out;
    for (const models::ImportFieldError &e : errors)
        out.append(QStringLiteral("row %1, %2: %3").arg(e.row).arg(e.field, e.message));
    return out.join(u'\n');
}

inline QByteArray utf16le(const QString &text)
{
    QByteArray bytes("\xff\xfe");
    for (QChar c : text)
        bytes.append(char(c.unicode() & 0xff)).append(char(c.unicode() >> 8));
    return bytes;
}

} // namespace readertest
