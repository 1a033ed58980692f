#include "storage/sqlputaway.h"

#include "storage/sqlrun.h"

namespace storage {

using models::BinRef;
using models::Error;
using models::Result;

Result<models::PutAway> resolvePutAway(const QSqlDatabase &db, qint64 productId, qint64 locationId,
                                       const QString &locationCode, const QString &typed)
{
    QList<BinRef> productBins;
    Result<QSqlQuery> own = runQuery(
        db,
        QStringLiteral("SELECT b.id, b.code FROM product_bins pb JOIN bins b ON b.id = pb.bin_id "
                       "WHERE pb.product_id = ? AND b.location_id = ? "
                       "ORDER BY pb.is_primary DESC, b.pick_sequence, b.code"),
        {productId, locationId});
    if (!own.ok())
        return Error{own.error()};
    while (own.value().next())
        productBins.append({own.value().value(0).toLongLong(), own.value().value(1).toString()});

    std::optional<BinRef> typedBin;
    const QString code = models::normalBinCode(typed);
    if (!code.isEmpty()) {
        Result<QSqlQuery> bin =
            runQuery(db,
                     QStringLiteral("SELECT id, code FROM bins WHERE location_id = ? AND "
                                    "UPPER(code) = ? ORDER BY id LIMIT 1"),
                     {locationId, code});
        if (!bin.ok())
            return Error{bin.error()};
        if (bin.value().next())
            typedBin = BinRef{bin.value().value(0).toLongLong(), bin.value().value(1).toString()};
    }
    return models::choosePutAway(typed, typedBin, productBins, locationCode);
}

models::Status rememberPutAway(const QSqlDatabase &db, qint64 productId,
                               const models::PutAway &putAway)
{
    if (!putAway.remember || !putAway.bin)
        return {};
    return runStatement(
        db,
        QStringLiteral("INSERT INTO product_bins (product_id, bin_id, is_primary) "
                       "VALUES (?, ?, 1) ON CONFLICT (product_id, bin_id) DO NOTHING"),
        {productId, putAway.bin->id});
}

} // namespace storage
