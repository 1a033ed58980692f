#pragma once

#include "models/packbenchsource.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace storage {

// The pack bench over the database. Finding an order reads it with its lines,
// product sizes, every barcode and channel SKU in a handful of indexed statements
// prepared once; each scan is one small insert into pack_scans; marking an order
// packed is one transaction (status and timeline through the order state machine,
// box and weight on the order, a "packed" log row). An order still 'ready' (packed
// straight from the shelf, without a pick list) passes through 'picking' on its
// timeline, as the state machine has it. A kit line comes as the kit (whose own codes
// the session refuses) and its parts, kits still to ship × each part's quantity.
class SqlPackBench : public models::PackBenchSource
{
public:
    SqlPackBench(QSqlDatabase db, QString station, QString packer);

    models::Result<models::PackOrder> findOrder(const QString &code) override;
    std::optional<models::ScannedProduct> identify(const QString &code) override;
    models::Result<QList<models::PackBox>> boxes() override;
    models::Status logScan(const models::PackScanRecord &scan) override;
    models::Status markPacked(const models::PackCompletion &completion) override;
    models::Status recordWeight(qint64 orderId, int grams) override;
    models::Result<models::PackFigures> figuresSince(const QDateTime &sinceUtc) override;
    QString packer() const override { return m_packer; }
    QString station() const override { return m_station; }

    // Tests pin the clock.
    void setNow(const QDateTime &utc) { m_now = utc; }

private:
    QDateTime now() const;
    models::Status prepare();
    // The orders a scanned code may name, before their status is looked at.
    models::Result<QList<qint64>> candidates(const QString &code, QString *slot);
    models::Result<models::PackOrder> load(qint64 orderId);

    QSqlDatabase m_db;
    QString m_station;
    QString m_packer;
    QDateTime m_now;
    bool m_prepared = false;
    QSqlQuery m_byNumber, m_bySlot, m_byLabel, m_header, m_lines, m_barcodes, m_channelSkus,
        m_barcodeProduct, m_skuProduct, m_channelSkuProduct, m_insertScan, m_kitParts;
};

} // namespace storage
