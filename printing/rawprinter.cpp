#include "printing/rawprinter.h"

#include <QElapsedTimer>
#include <QTcpSocket>

#include <algorithm>

namespace printing {

QString RawPrinterAddress::toString() const
{
    const QString h =
        host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    return QStringLiteral("%1:%2").arg(h).arg(port);
}

models::Result<RawPrinterAddress> parseRawPrinterAddress(const QString &text)
{
    const QString t = text.trimmed();
    RawPrinterAddress a;
    QString port;
    if (t.startsWith(QLatin1Char('['))) {
        const qsizetype close = t.indexOf(QLatin1Char(']'));
        if (close < 0)
            return models::Error{QStringLiteral("printer \"%1\": missing ']'").arg(text)};
        a.host = t.mid(1, close - 1);
        const QString rest = t.mid(close + 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(QLatin1Char(':')))
                return models::Error{
                    QStringLiteral("printer \"%1\": expected :PORT after ']'").arg(text)};
            port = rest.mid(1);
        }
    } else if (t.count(QLatin1Char(':')) == 1) {
        a.host = t.section(QLatin1Char(':'), 0, 0);
        port = t.section(QLatin1Char(':'), 1);
    } else {
        a.host = t; // a name, an IPv4 address or a bare IPv6 address
    }
    if (a.host.isEmpty())
        return models::Error{QStringLiteral("printer \"%1\": no host name or address").arg(text)};
    if (!port.isNull()) {
        bool ok = false;
        const int p = port.toInt(&ok);
        if (!ok || p < 1 || p > 65535)
            return models::Error{
                QStringLiteral("printer \"%1\": the port must be 1 to 65535, not \"%2\"")
                    .arg(text, port)};
        a.port = quint16(p);
    }
    return a;
}

models::Status sendRawPrintJob(const RawPrinterAddress &printer, const QByteArray &job,
                               const RawPrintTimeouts &timeouts)
{
    const QString where = QStringLiteral("label printer %1").arg(printer.toString());
    QTcpSocket socket;
    socket.connectToHost(printer.host, printer.port);
    if (!socket.waitForConnected(timeouts.connectMs)) {
        const QString why = socket.error() == QAbstractSocket::SocketTimeoutError
                                ? QStringLiteral("no answer within %1 s")
                                      .arg(QString::number(timeouts.connectMs / 1000.0))
                                : socket.errorString();
        return models::Error{QStringLiteral("could not reach %1: %2").arg(where, why)};
    }
    QElapsedTimer clock;
    clock.start();
    qint64 written = 0;
    while (written < job.size()) {
        const qint64 n = socket.write(job.constData() + written, job.size() - written);
        if (n < 0)
            return models::Error{
                QStringLiteral("sending to %1 failed: %2").arg(where, socket.errorString())};
        written += n;
        while (socket.bytesToWrite() > 0) {
            const int left = int(std::max<qint64>(1, timeouts.writeMs - clock.elapsed()));
            if (clock.elapsed() >= timeouts.writeMs || !socket.waitForBytesWritten(left)) {
                return models::Error{
                    QStringLiteral("sending to %1 stopped after %2 of %3 bytes: %4")
                        .arg(where)
                        .arg(written - socket.bytesToWrite())
                        .arg(job.size())
                        .arg(socket.error() == QAbstractSocket::SocketTimeoutError
                                 ? QStringLiteral("the printer stopped taking data")
                                 : socket.errorString())};
            }
        }
    }
    socket.disconnectFromHost();
    if (socket.state() != QAbstractSocket::UnconnectedState)
        socket.waitForDisconnected(std::max(1000, timeouts.connectMs));
    return {};
}

} // namespace printing
