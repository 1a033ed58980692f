#pragma once
// A channel API on 127.0.0.1 for tests: a QTcpServer that answers HTTP/1.1 with
// canned responses, one per request, in the order given (the last one repeats),
// and records what was asked. It runs on the test's thread: whatever waits for it
// (a pull, a process) must keep that thread's event loop turning.

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <functional>
#include <memory>

namespace fakeapi {

struct Canned
{
    int status = 200;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;
    bool silent = false; // never answer: for time-outs
    bool hangUp = false; // close the connection without a word
};

struct Seen
{
    QByteArray method;
    QByteArray target;                     // path and query as sent
    QHash<QByteArray, QByteArray> headers; // names in lower case
};

inline Canned json(const QByteArray &body, int status = 200)
{
    return {status, body, {}, false};
}

class Server
{
public:
    Server()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                QObject::connect(s, &QTcpSocket::readyRead, s, [this, s] { onRead(s); });
                QObject::connect(s, &QTcpSocket::disconnected, s, [this, s] {
                    m_buffers.remove(s);
                    s->deleteLater();
                });
            }
        });
    }

    QString base() const
    {
        return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort());
    }
    quint16 port() const { return m_server.serverPort(); }

    // Responses for requests whose target contains `match` (first match wins; an
    // empty match takes any request). Each request takes the next; the last repeats.
    void on(const QByteArray &match, QList<Canned> responses)
    {
        m_routes.append({match, std::move(responses), 0});
    }
    void clear()
    {
        m_routes.clear();
        m_seen.clear();
    }
    const QList<Seen> &seen() const { return m_seen; }

private:
    struct Route
    {
        QByteArray match;
        QList<Canned> responses;
        int next = 0;
    };

    void onRead(QTcpSocket *s)
    {
        QByteArray &buffer = m_buffers[s];
        buffer += s->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        buffer.clear();
        Seen seen;
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        seen.method = first.value(0);
        seen.target = first.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon > 0)
                seen.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                    lines.at(i).mid(colon + 1).trimmed());
        }
        m_seen.append(seen);
        Canned reply{404, R"({"errors":"Not Found"})", {}, false, false};
        for (Route &r : m_routes) {
            if (!r.match.isEmpty() && !seen.target.contains(r.match))
                continue;
            reply = r.responses.at(qMin<qsizetype>(r.next, r.responses.size() - 1));
            ++r.next;
            break;
        }
        if (reply.silent)
            return;
        if (reply.hangUp) {
            s->disconnectFromHost();
            return;
        }
        QByteArray out = "HTTP/1.1 " + QByteArray::number(reply.status) + " Canned\r\n";
        out += "Content-Type: application/json\r\nConnection: close\r\n";
        out += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n";
        for (const auto &[name, value] : reply.headers)
            out += name + ": " + value + "\r\n";
        out += "\r\n" + reply.body;
        s->write(out);
        s->disconnectFromHost();
    }

    QTcpServer m_server;
    QList<Route> m_routes;
    QList<Seen> m_seen;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace fakeapi
