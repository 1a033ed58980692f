#pragma once

#include <QString>
#include <QStringList>

namespace storage {

// Splits an SQL script into complete statements using SQLite's own tokenizer
// (sqlite3_complete), so semicolons inside strings, comments and trigger bodies
// never cut a statement in two. Comment-only remainders are dropped.
QStringList splitSqliteScript(const QString &script);

} // namespace storage
