#pragma once

#include "models/result.h"

#include <QByteArray>
#include <QString>

namespace printing {

// A label printer on the network that takes raw print jobs (ZPL) on a TCP port:
// Zebra's "raw TCP/IP", HP JetDirect port 9100.
struct RawPrinterAddress
{
    QString host;
    quint16 port = 9100;

    QString toString() const; // "host:port", IPv6 hosts in brackets
};

// "zebra1", "10.0.0.7:9100", "[fe80::1]:6101", "::1". Refuses an empty host and a
// port that is not 1..65535, naming what was given.
models::Result<RawPrinterAddress> parseRawPrinterAddress(const QString &text);

struct RawPrintTimeouts
{
    int connectMs = 5000;
    int writeMs = 15000; // for the whole job
};

// Connects, writes every byte of `job` and closes, waiting at most the timeouts.
// Blocking: call it off the GUI thread. Errors name the host and port ("could not
// reach label printer 10.0.0.7:9100: Connection refused").
models::Status sendRawPrintJob(const RawPrinterAddress &printer, const QByteArray &job,
                               const RawPrintTimeouts &timeouts = {});

} // namespace printing
