#include "storage/sqlitescript.h"

#include <sqlite3.h>

namespace storage {

namespace {

// True when the text holds nothing SQLite would run: spaces, "--" and "/* */"
// comments and stray semicolons.
bool onlyCommentsOrSpace(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isSpace() || c == QLatin1Char(';'))
            continue;
        if (text.mid(i, 2) == QLatin1String("--")) {
            i = text.indexOf(QLatin1Char('\n'), i);
            if (i < 0)
                return true;
            continue;
        }
        if (text.mid(i, 2) == QLatin1String("/*")) {
            i = text.indexOf(QLatin1String("*/"), i + 2);
            if (i < 0)
                return true;
            ++i;
            continue;
        }
        return false;
    }
    return true;
}

} // namespace

QStringList splitSqliteScript(const QString &script)
{
    // A statement can only end at a ';', and does where SQLite's tokenizer says the
    // text so far is complete: so two statements on one line come apart, and a ';'
    // in a string, a comment or a trigger body does not cut one in two.
    QStringList statements;
    qsizetype start = 0;
    for (qsizetype at = script.indexOf(QLatin1Char(';')); at >= 0;
         at = script.indexOf(QLatin1Char(';'), at + 1)) {
        const QString pending = script.mid(start, at + 1 - start);
        if (!sqlite3_complete(pending.toUtf8().constData()))
            continue;
        if (!onlyCommentsOrSpace(pending))
            statements.append(pending.trimmed());
        start = at + 1;
    }
    const QString rest = script.mid(start);
    if (!onlyCommentsOrSpace(rest))
        statements.append(rest.trimmed()); // unterminated last statement: let SQLite judge it
    return statements;
}

} // namespace storage
