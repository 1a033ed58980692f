#pragma once

// Small helpers shared by the storage tests: a plain connection that looks at a
// database file the way another program would, and a fingerprint of a file.

#include "storage/sqlrun.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QTest>
#include <QVariant>

// Fails the test with the error's own message when a Status or Result is not ok.
#define VERIFY_OK(expr)                                                                            \
    do {                                                                                           \
        const auto &verifyOkResult_ = (expr);                                                      \
        QVERIFY2(verifyOkResult_.ok(), qPrintable(verifyOkResult_.error()));                       \
    } while (false)

namespace storagetest {

// The single value a query returns; an invalid QVariant when it fails.
inline QVariant scalar(const QSqlDatabase &db, const QString &sql, const QVariantList &binds = {})
{
    const models::Result<QVariant> v = storage::queryScalar(db, sql, binds);
    return v.ok() ? v.value() : QVariant();
}

// A QSQLITE connection of its own, with no Backroom settings and no migrations.
// Closed and removed when it goes out of scope.
class RawConnection
{
public:
    explicit RawConnection(const QString &path)
        : m_name(QStringLiteral("raw-test-%1").arg(nextId()))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        m_open = db.open();
    }
    ~RawConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            if (db.isOpen())
                db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    RawConnection(const RawConnection &) = delete;
    RawConnection &operator=(const RawConnection &) = delete;

    bool isOpen() const { return m_open; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

    // The single value a query returns; an invalid QVariant when it fails.
    QVariant scalar(const QString &sql, const QVariantList &binds = {}) const
    {
        return storagetest::scalar(db(), sql, binds);
    }

    QStringList columnsOf(const QString &table) const
    {
        QStringList out;
        QSqlQuery q(db());
        if (q.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table)))
            while (q.next())
                out.append(q.value(1).toString());
        return out;
    }

private:
    static int nextId()
    {
        static int id = 0;
        return ++id;
    }

    QString m_name;
    bool m_open = false;
};

// What the file holds, byte for byte.
inline QByteArray fileSha256(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&f);
    return hash.result().toHex();
}

// Everything that would show a write: content, size and modification time.
struct FileFingerprint
{
    QByteArray sha256;
    qint64 size = -1;
    QDateTime modified;

    static FileFingerprint of(const QString &path)
    {
        const QFileInfo info(path);
        return {fileSha256(path), info.size(), info.lastModified()};
    }
    friend bool operator==(const FileFingerprint &, const FileFingerprint &) = default;
};

} // namespace storagetest
