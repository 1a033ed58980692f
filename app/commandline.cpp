#include "app/commandline.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstring>
#include <iterator>

namespace app {

namespace {

const char *const kCommands[] = {"demo",    "backup",   "check",   "screenshot", "import",
                                 "export",  "allocate", "reorder", "skus",       "print",
                                 "returns", "pull",     "report"};
const char *const kValueOptions[] = {
    "--db",         "--orders",      "--seed",     "--today",       "--to",      "--out",
    "--channel",    "--format",      "--location", "--channel-sku", "--sku",     "--units",
    "--order",      "--dpi",         "--since",    "--status",      "--printer", "--endpoint",
    "--token-file", "--marketplace", "--from"};
const char *const kChannels[] = {"shopify", "amazon", "ebay"};

bool takesValue(const QString &arg)
{
    for (const char *o : kValueOptions)
        if (arg == QLatin1String(o))
            return true;
    return false;
}

bool isCommand(const QString &word)
{
    for (const char *c : kCommands)
        if (word == QLatin1String(c))
            return true;
    return false;
}

} // namespace

QString commandNameFrom(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (takesValue(arg)) {
            ++i;
            continue;
        }
        if (arg.startsWith(QLatin1Char('-')))
            continue;
        return arg;
    }
    return {};
}

bool needsWidgets(const QString &command)
{
    // print draws with QPainter, which needs fonts and so a GUI application object.
    return command.isEmpty() || command == QLatin1String("screenshot") ||
           command == QLatin1String("print");
}

bool drawsWithoutDisplay(const QString &command)
{
    return command == QLatin1String("screenshot") || command == QLatin1String("print");
}

bool asksOnlyForText(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView arg(argv[i]);
        if (arg == "--help" || arg == "-h" || arg == "--version")
            return true;
    }
    return false;
}

ParsedCommandLine parseCommandLine(const QStringList &arguments)
{
    CommandLine cl;
    auto fail = [](const QString &message) { return ParsedCommandLine{std::nullopt, message}; };

    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString arg = arguments.at(i);
        QString name = arg;
        QString value;
        bool inlineValue = false;
        if (arg.startsWith(QLatin1String("--")) && arg.contains(QLatin1Char('='))) {
            name = arg.section(QLatin1Char('='), 0, 0);
            value = arg.section(QLatin1Char('='), 1);
            inlineValue = true;
        }
        if (takesValue(name) && !inlineValue) {
            if (i + 1 >= arguments.size())
                return fail(QStringLiteral("%1 needs a value").arg(name));
            value = arguments.at(++i);
        }

        if (name == QLatin1String("--help") || name == QLatin1String("-h")) {
            cl.help = true;
        } else if (name == QLatin1String("--version") || name == QLatin1String("-v")) {
            cl.version = true;
        } else if (name == QLatin1String("--db")) {
            cl.databasePath = value;
        } else if (name == QLatin1String("--to")) {
            cl.to = value;
        } else if (name == QLatin1String("--out")) {
            cl.out = value;
        } else if (name == QLatin1String("--orders") && cl.command == QLatin1String("print")) {
            cl.orderNumbers = value.split(QLatin1Char(','), Qt::SkipEmptyParts);
            for (QString &n : cl.orderNumbers)
                n = n.trimmed();
            if (cl.orderNumbers.isEmpty())
                return fail(QStringLiteral("--orders wants order numbers separated by commas"));
        } else if (name == QLatin1String("--orders")) {
            bool ok = false;
            cl.orders = value.toLongLong(&ok);
            if (!ok || cl.orders < 0)
                return fail(QStringLiteral("--orders wants a whole number, not \"%1\"").arg(value));
        } else if (name == QLatin1String("--seed")) {
            bool ok = false;
            cl.seed = value.toULongLong(&ok);
            if (!ok)
                return fail(QStringLiteral("--seed wants a whole number, not \"%1\"").arg(value));
        } else if (name == QLatin1String("--today")) {
            cl.today = QDate::fromString(value, Qt::ISODate);
            if (!cl.today.isValid())
                return fail(
                    QStringLiteral("--today wants a date as YYYY-MM-DD, not \"%1\"").arg(value));
        } else if (name == QLatin1String("--channel")) {
            if (std::none_of(std::begin(kChannels), std::end(kChannels),
                             [&](const char *c) { return value == QLatin1String(c); }))
                return fail(QStringLiteral("--channel wants shopify, amazon or ebay, not \"%1\"")
                                .arg(value));
            cl.channel = value;
        } else if (name == QLatin1String("--format")) {
            // Which formats make sense depends on the command; checked after the loop.
            cl.format = value;
        } else if (name == QLatin1String("--order")) {
            cl.order = value;
        } else if (name == QLatin1String("--dpi")) {
            bool ok = false;
            cl.dpi = value.toInt(&ok);
            if (!ok || (cl.dpi != 203 && cl.dpi != 300))
                return fail(QStringLiteral("--dpi wants 203 or 300, not \"%1\"").arg(value));
        } else if (name == QLatin1String("--since")) {
            cl.since = QDate::fromString(value, Qt::ISODate);
            if (!cl.since.isValid())
                return fail(
                    QStringLiteral("--since wants a date as YYYY-MM-DD, not \"%1\"").arg(value));
        } else if (name == QLatin1String("--from")) {
            cl.from = QDate::fromString(value, Qt::ISODate);
            if (!cl.from.isValid())
                return fail(
                    QStringLiteral("--from wants a date as YYYY-MM-DD, not \"%1\"").arg(value));
        } else if (name == QLatin1String("--status")) {
            cl.status = value;
        } else if (name == QLatin1String("--printer")) {
            cl.printer = value;
        } else if (name == QLatin1String("--location")) {
            cl.location = value;
        } else if (name == QLatin1String("--json")) {
            cl.json = true;
        } else if (name == QLatin1String("--channel-sku")) {
            cl.channelSku = value;
        } else if (name == QLatin1String("--sku")) {
            cl.sku = value;
        } else if (name == QLatin1String("--units")) {
            bool ok = false;
            cl.units = value.toInt(&ok);
            if (!ok || cl.units < 1)
                return fail(QStringLiteral("--units wants a whole number of 1 or more, not \"%1\"")
                                .arg(value));
        } else if (name == QLatin1String("--allocate")) {
            cl.allocate = true;
        } else if (name == QLatin1String("--endpoint")) {
            cl.endpoint = value;
        } else if (name == QLatin1String("--token-file")) {
            cl.tokenFile = value;
        } else if (name == QLatin1String("--marketplace")) {
            cl.marketplace = value;
        } else if (name.startsWith(QLatin1Char('-'))) {
            // Qt's own options (-platform, -style, ...) are taken by QApplication first.
            return fail(QStringLiteral("unknown option %1 (see backroom --help)").arg(name));
        } else if (cl.command.isEmpty() && isCommand(name)) {
            cl.command = name;
        } else if (cl.command == QLatin1String("import")) {
            cl.files.append(arg);
        } else if (cl.command == QLatin1String("export") && cl.what.isEmpty()) {
            if (name != QLatin1String("orders") && name != QLatin1String("shipments") &&
                name != QLatin1String("stock"))
                return fail(QStringLiteral("export knows \"orders\", \"shipments\" and "
                                           "\"stock\", not \"%1\"")
                                .arg(name));
            cl.what = name;
        } else if (cl.command == QLatin1String("print") && cl.what.isEmpty()) {
            if (name != QLatin1String("label") && name != QLatin1String("packing-slip") &&
                name != QLatin1String("pick-list") && name != QLatin1String("customs"))
                return fail(QStringLiteral("print knows \"label\", \"packing-slip\", "
                                           "\"pick-list\" and \"customs\", not \"%1\"")
                                .arg(name));
            cl.what = name;
        } else if (cl.command == QLatin1String("returns") && cl.what.isEmpty()) {
            if (name != QLatin1String("list"))
                return fail(QStringLiteral("returns knows \"list\", not \"%1\"").arg(name));
            cl.what = name;
        } else if (cl.command == QLatin1String("report") && cl.what.isEmpty()) {
            static const QStringList reports{QStringLiteral("late"), QStringLiteral("stockouts"),
                                             QStringLiteral("accuracy"), QStringLiteral("turnover"),
                                             QStringLiteral("sales")};
            if (!reports.contains(name))
                return fail(QStringLiteral("report knows %1, not \"%2\"")
                                .arg(reports.join(QStringLiteral("|")), name));
            cl.what = name;
        } else if (cl.command == QLatin1String("skus") && cl.what.isEmpty()) {
            if (name != QLatin1String("unknown") && name != QLatin1String("map"))
                return fail(
                    QStringLiteral("skus knows \"unknown\" and \"map\", not \"%1\"").arg(name));
            cl.what = name;
        } else {
            return fail(QStringLiteral("unknown command \"%1\" (see backroom --help)").arg(name));
        }
    }
    if (cl.command == QLatin1String("import") && cl.files.isEmpty())
        return fail(QStringLiteral("import needs at least one FILE (see backroom --help)"));
    if (cl.command == QLatin1String("pull") && cl.channel.isEmpty())
        return fail(QStringLiteral("pull needs --channel shopify|ebay|amazon"));
    if (cl.command == QLatin1String("export") && cl.what.isEmpty())
        return fail(
            QStringLiteral("export needs what to export: backroom export orders|shipments|stock"));
    if (cl.command == QLatin1String("print") && cl.what.isEmpty())
        return fail(QStringLiteral(
            "print needs what to print: backroom print label|packing-slip|pick-list|customs"));
    if (cl.command == QLatin1String("returns") && cl.what.isEmpty())
        return fail(QStringLiteral("returns needs \"list\" (see backroom --help)"));
    if (cl.command == QLatin1String("report") && cl.what.isEmpty())
        return fail(QStringLiteral(
            "report needs which report: backroom report late|stockouts|accuracy|turnover|sales"));
    if (!cl.format.isEmpty()) {
        const bool printing = cl.command == QLatin1String("print");
        const QStringList allowed =
            printing
                ? QStringList{QStringLiteral("pdf"), QStringLiteral("png"), QStringLiteral("zpl")}
                : QStringList{QStringLiteral("json"), QStringLiteral("csv")};
        if (!allowed.contains(cl.format))
            return fail(QStringLiteral("--format wants %1, not \"%2\"")
                            .arg(allowed.join(QStringLiteral(" or ")), cl.format));
    }
    if (cl.command == QLatin1String("skus")) {
        if (cl.what.isEmpty())
            return fail(QStringLiteral("skus needs \"unknown\" or \"map\" (see backroom --help)"));
        if (cl.what == QLatin1String("map") &&
            (cl.channel.isEmpty() || cl.channelSku.isEmpty() || cl.sku.isEmpty()))
            return fail(QStringLiteral("skus map needs --channel, --channel-sku and --sku"));
    }
    return ParsedCommandLine{cl, QString()};
}

QString helpText(const QString &defaultDatabasePath)
{
    return QStringLiteral(
               "Backroom %1: orders, stock, pick and pack, shipping and returns for online shops.\n"
               "\n"
               "Usage:\n"
               "  backroom [--db PATH]                      open the main window\n"
               "  backroom demo --db PATH [--orders N] [--seed S] [--today YYYY-MM-DD]\n"
               "                                            write a demo shop (default 5,000 "
               "orders,\n"
               "                                            seed 1, the 180 days before today)\n"
               "  backroom backup --db PATH --to FILE       copy the database safely, even while "
               "in use\n"
               "  backroom check [--db PATH]                check integrity and that stock adds "
               "up;\n"
               "                                            exit status 1 if anything is wrong\n"
               "  backroom screenshot [--db PATH] --out DIR save every screen as a PNG (no display "
               "needed)\n"
               "  backroom allocate [--db PATH] [--json]    reserve stock for new orders and route "
               "them;\n"
               "                                            counts ready, split, backordered, held "
               "(by reason)\n"
               "  backroom reorder [--db PATH] [--location CODE] [--json]\n"
               "                                            what to reorder, with the reason in "
               "words\n"
               "                                            (--json: one object per line)\n"
               "  backroom import [--db PATH] [--channel shopify|amazon|ebay] [--json] FILE...\n"
               "                                            import channel order exports, each "
               "file in one\n"
               "                                            transaction; exit status 1 if any "
               "file was rejected\n"
               "  backroom pull --channel shopify|ebay|amazon [--db PATH] [--since YYYY-MM-DD]\n"
               "                [--endpoint URL] [--token-file FILE] [--marketplace ID] [--json]\n"
               "                                            pull orders created or changed since "
               "the date\n"
               "                                            (default 30 days) from the channel's "
               "API, in one\n"
               "                                            transaction; exit status 1 if the "
               "pull failed\n"
               "  backroom export orders [--db PATH] [--channel C] [--format json|csv] [--out "
               "FILE]\n"
               "                                            write every order with its lines "
               "(default JSON\n"
               "                                            to standard output)\n"
               "  backroom export stock --channel shopify|amazon|ebay [--db PATH] --out FILE\n"
               "                                            the channel's stock upload file: "
               "what each\n"
               "                                            listing may show, less the channel's "
               "buffer\n"
               "  backroom export shipments --channel shopify|amazon|ebay [--since YYYY-MM-DD]\n"
               "                  [--db PATH] --out FILE    the channel's shipping-confirmation "
               "upload:\n"
               "                                            carrier and tracking per shipped line\n"
               "  backroom returns list [--status S] [--db PATH] [--json]\n"
               "                                            returns (RMAs) with their state, "
               "newest first\n"
               "  backroom report late|stockouts|accuracy|turnover|sales [--db PATH]\n"
               "                  [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--channel C] [--location "
               "L]\n"
               "                  [--format csv|json] [--out FILE]\n"
               "                                            the Reports screen's figures (default: "
               "the last\n"
               "                                            30 days, in words and tables)\n"
               "  backroom print label|packing-slip|customs --order NUMBER [--channel C] [--db "
               "PATH]\n"
               "                 [--format pdf|png|zpl] [--dpi 203|300] (--out FILE | --printer "
               "HOST[:PORT])\n"
               "                                            a 4x6 label (one per parcel), packing "
               "slip "
               "or\n"
               "                                            CN22/CN23/commercial invoice; format "
               "from "
               "FILE's\n"
               "                                            suffix; --printer sends label ZPL to "
               "port "
               "9100\n"
               "  backroom print pick-list --orders N1,N2,... [--db PATH] --out FILE\n"
               "                                            one pick list for the orders, in bin "
               "order\n"
               "  backroom skus unknown [--db PATH] [--json]\n"
               "                                            channel SKUs no product knows, with "
               "the held\n"
               "                                            orders and lines waiting on each\n"
               "  backroom skus map --channel C --channel-sku X --sku Y [--units N] [--allocate]\n"
               "                    [--db PATH] [--json]    map a channel SKU to a product (N "
               "units per\n"
               "                                            listing) and release the orders it "
               "held; exit\n"
               "                                            status 1 if the channel or product is "
               "unknown\n"
               "  backroom --help | --version\n"
               "\n"
               "--db PATH may stand anywhere on the line. Without it Backroom uses\n"
               "  %2\n")
        .arg(QCoreApplication::applicationVersion(), defaultDatabasePath);
}

} // namespace app
