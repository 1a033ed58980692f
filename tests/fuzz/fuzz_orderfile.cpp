// libFuzzer target: any bytes through openOrderFile and every order read from it,
// once with the format detected and once forced to each format.
//
// An input that starts with a NUL byte takes the default currency and the
// seller's zone from the next two bytes and is read from the fourth byte on; any
// other input is a file read with USD and UTC, so the fixture files seed the
// corpus as they are.
//
// Beyond "never crashes" (address and undefined-behaviour sanitizers), it checks
// what the reader promises: a forced format is kept or the file refused, each
// order says where it came from (rows after the header, in order), a quantity
// the file does not give is reported, an end or error stays.

#include "importers/orderfile.h"

#include <QBuffer>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>

using importers::OrderFileFormat;
using importers::OrderFileOptions;

namespace {

[[noreturn]] void broken(const char *invariant, const QString &detail = {})
{
    std::fprintf(stderr, "invariant broken: %s\n%s\n", invariant, qPrintable(detail));
    std::abort();
}

#define FUZZ_CHECK(condition, detail)                                                              \
    do {                                                                                           \
        if (!(condition))                                                                          \
            broken(#condition, detail);                                                            \
    } while (false)

void checkOrder(const models::ImportedOrder &order, OrderFileFormat format, qint64 headerRow)
{
    const QString where =
        QStringLiteral("order \"%1\" at row %2").arg(order.number).arg(order.firstRow);
    FUZZ_CHECK(order.channelCode == importers::orderFileFormatCode(format), where);
    FUZZ_CHECK(!order.externalId.isEmpty(), where);
    FUZZ_CHECK(!order.sourceRows.isEmpty(), where);
    FUZZ_CHECK(order.firstRow == order.sourceRows.constFirst().row, where);
    FUZZ_CHECK(order.firstRow > headerRow, where);
    for (qsizetype i = 1; i < order.sourceRows.size(); ++i)
        FUZZ_CHECK(order.sourceRows.at(i).row > order.sourceRows.at(i - 1).row, where);
    const qint64 lastRow = order.sourceRows.constLast().row;
    for (const models::ImportFieldError &error : order.errors) {
        FUZZ_CHECK(error.row >= order.firstRow && error.row <= lastRow, where + error.message);
        FUZZ_CHECK(!error.message.isEmpty(), where);
    }
    FUZZ_CHECK(order.currency.size() == 3, where + order.currency);
    for (const models::ImportedLine &line : order.lines) {
        FUZZ_CHECK(line.quantity >= 0, where);
        FUZZ_CHECK(line.quantityShippedOnChannel >= 0 &&
                       line.quantityShippedOnChannel <= line.quantity,
                   where);
        // No quantity is a reported error, never a silent zero.
        if (line.quantity == 0)
            FUZZ_CHECK(!order.errors.isEmpty(), where);
    }
    if (order.state == models::ChannelOrderState::Shipped)
        FUZZ_CHECK(!order.lines.isEmpty(), where);
}

void readAll(const QByteArray &bytes, const OrderFileOptions &options)
{
    QBuffer device;
    device.setData(bytes);
    device.open(QIODevice::ReadOnly);
    auto opened = importers::openOrderFile(device, QStringLiteral("fuzz.csv"), options);
    if (!opened) {
        FUZZ_CHECK(opened.error().startsWith(QStringLiteral("file fuzz.csv")), opened.error());
        return;
    }
    importers::OrderFileReader &reader = **opened;
    if (options.format)
        FUZZ_CHECK(reader.format() == *options.format, QString());
    FUZZ_CHECK(reader.headerRow() >= 1, QString());

    models::ImportedOrder order;
    while (reader.next(order)) {
        FUZZ_CHECK(reader.status().ok(), reader.status().error());
        checkOrder(order, reader.format(), reader.headerRow());
        for (const models::ImportFieldError &stray : reader.takeStrayErrors())
            FUZZ_CHECK(stray.row > reader.headerRow(), stray.message);
    }
    const bool ok = reader.status().ok();
    FUZZ_CHECK(!reader.next(order), QString());
    FUZZ_CHECK(reader.status().ok() == ok, reader.status().error());
}

constexpr std::array<const char16_t *, 5> kCurrencies = {u"", u"USD", u"AUD", u"EUR", u"JPY"};
constexpr std::array<const char *, 4> kZones = {"UTC", "America/Los_Angeles", "Australia/Sydney",
                                                "Europe/London"};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    OrderFileOptions options;
    options.localZone = QTimeZone::utc();
    QByteArray bytes;
    if (size >= 3 && data[0] == 0) {
        options.defaultCurrency = QString::fromUtf16(kCurrencies[data[1] % kCurrencies.size()]);
        options.localZone = QTimeZone(kZones[data[2] % kZones.size()]);
        bytes = QByteArray(reinterpret_cast<const char *>(data) + 3, qsizetype(size) - 3);
    } else {
        bytes = QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
    }

    for (const std::optional<OrderFileFormat> format :
         {std::optional<OrderFileFormat>(), std::optional(OrderFileFormat::Shopify),
          std::optional(OrderFileFormat::Amazon), std::optional(OrderFileFormat::Ebay)}) {
        options.format = format;
        readAll(bytes, options);
    }
    return 0;
}
