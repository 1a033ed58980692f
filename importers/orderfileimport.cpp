#include "importers/orderfileimport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

namespace importers {

namespace {

// A read-only view of a file that hashes every byte handed out, so the run's
// SHA-256 costs no second pass over a large file. Reads are sequential.
class HashingFile final : public QIODevice
{
public:
    explicit HashingFile(const QString &path) : m_file(path), m_hash(QCryptographicHash::Sha256) {}

    bool openFile()
    {
        if (!m_file.open(QIODevice::ReadOnly))
            return false;
        return QIODevice::open(QIODevice::ReadOnly);
    }
    QString fileError() const { return m_file.errorString(); }
    qint64 fileSize() const { return m_file.size(); }
    qint64 consumed() const { return m_consumed; }
    bool isSequential() const override { return true; }

    // The hash of the whole file: reads what the reader left unread (a footer).
    QString finishHash()
    {
        char buffer[64 * 1024];
        qint64 got = 0;
        while ((got = m_file.read(buffer, sizeof buffer)) > 0)
            m_hash.addData(QByteArrayView(buffer, got));
        return QString::fromLatin1(m_hash.result().toHex());
    }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 got = m_file.read(data, maxSize);
        if (got > 0) {
            m_hash.addData(QByteArrayView(data, got));
            m_consumed += got;
        }
        return got;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QFile m_file;
    QCryptographicHash m_hash;
    qint64 m_consumed = 0;
};

constexpr int kProgressEveryOrders = 512;

} // namespace

QString importStatusCode(ImportFileReport::Status status)
{
    switch (status) {
    case ImportFileReport::Status::Imported:
        return QStringLiteral("imported");
    case ImportFileReport::Status::Rejected:
        return QStringLiteral("rejected");
    case ImportFileReport::Status::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

ImportFileReport importOrderFile(const QString &path, models::OrderImportSink &sink,
                                 const OrderFileOptions &options, const QString &userName,
                                 const ImportProgressFn &progress)
{
    ImportFileReport report;
    report.file = path;
    const QString name = QFileInfo(path).fileName();
    models::ImportRunInfo run;
    run.fileName = name;
    run.userName = userName;
    run.startedAtUtc = QDateTime::currentDateTimeUtc();
    if (options.format)
        run.formatCode = orderFileFormatCode(*options.format);

    auto reject = [&](ImportFileReport::Status status, const QString &message) {
        report.status = status;
        report.message = message;
        // Recording the attempt must not hide why it failed: its own error is added.
        const models::Status recorded =
            sink.recordRejected(run, report.totals, importStatusCode(status), message);
        if (!recorded)
            report.message +=
                QStringLiteral(" (the attempt could not be recorded: %1)").arg(recorded.error());
        return report;
    };

    HashingFile file(path);
    if (!file.openFile()) {
        report.status = ImportFileReport::Status::Rejected;
        report.message =
            QStringLiteral("file %1: cannot be opened (%2)").arg(name, file.fileError());
        return report;
    }
    auto opened = openOrderFile(file, name, options);
    if (!opened)
        return reject(ImportFileReport::Status::Rejected, opened.error());
    OrderFileReader &reader = **opened;
    report.format = reader.format();
    run.formatCode = orderFileFormatCode(reader.format());
    run.header = reader.header();

    if (const models::Status begun = sink.begin(run); !begun)
        return reject(ImportFileReport::Status::Rejected, begun.error());

    models::ImportRunTotals &totals = report.totals;
    models::ImportedOrder order;
    int orders = 0;
    while (reader.next(order)) {
        totals.errors.append(order.errors);
        totals.errors.append(reader.takeStrayErrors());
        const auto written = sink.write(order);
        if (!written) {
            sink.rollback();
            return reject(ImportFileReport::Status::Rejected,
                          QStringLiteral("file %1, row %2, order %3: %4; nothing was imported")
                              .arg(name)
                              .arg(order.firstRow)
                              .arg(order.number, written.error()));
        }
        switch (written->outcome) {
        case models::ImportOutcome::Created:
            ++totals.ordersCreated;
            break;
        case models::ImportOutcome::Updated:
            ++totals.ordersUpdated;
            break;
        case models::ImportOutcome::Unchanged:
            ++totals.ordersUnchanged;
            break;
        }
        totals.lines += written->lines;
        totals.onHold += written->onHold ? 1 : 0;
        if (progress && ++orders % kProgressEveryOrders == 0 &&
            !progress({file.consumed(), file.fileSize(), orders})) {
            sink.rollback();
            totals.rowsRead = reader.recordsRead();
            return reject(ImportFileReport::Status::Cancelled,
                          QStringLiteral("file %1: cancelled after %2 orders; nothing was imported")
                              .arg(name)
                              .arg(orders));
        }
    }
    totals.errors.append(reader.takeStrayErrors());
    totals.rowsRead = reader.recordsRead();
    if (!reader.status()) {
        sink.rollback();
        return reject(ImportFileReport::Status::Rejected,
                      reader.status().error() + QStringLiteral("; nothing was imported"));
    }
    totals.fileSha256 = file.finishHash();
    if (const models::Status committed = sink.commit(totals); !committed) {
        sink.rollback();
        return reject(ImportFileReport::Status::Rejected, committed.error());
    }
    if (progress)
        progress({file.fileSize(), file.fileSize(), orders});
    report.status = ImportFileReport::Status::Imported;
    return report;
}

OrderFilePreview previewOrderFile(const QString &path, const OrderFileOptions &options,
                                  int maxOrders)
{
    OrderFilePreview preview;
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        preview.rejection =
            QStringLiteral("file %1: cannot be opened (%2)").arg(name, file.errorString());
        return preview;
    }
    auto opened = openOrderFile(file, name, options);
    if (!opened) {
        preview.rejection = opened.error();
        return preview;
    }
    OrderFileReader &reader = **opened;
    preview.format = reader.format();
    models::ImportedOrder order;
    while (preview.orders.size() < maxOrders && reader.next(order))
        preview.orders.append(order);
    if (!reader.status())
        preview.rejection = reader.status().error();
    return preview;
}

} // namespace importers
