#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace models {

// An expected failure, carried as a value up to the layer that can show it.
// The message names where it happened (file, row, field, table...) so the user
// can act on it without reading logs.
struct Error
{
    QString message;
};

// Either a value or an Error. Storage and importers return these instead of
// throwing or showing dialogs; only ui/ and app/ turn them into messages.
template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    const T &operator*() const & { return *m_value; }
    const T *operator->() const { return &*m_value; }

    const QString &error() const { return m_error.message; }

private:
    std::optional<T> m_value;
    Error m_error;
};

// The outcome of an operation with nothing to return.
class [[nodiscard]] Status
{
public:
    Status() = default;
    Status(Error error) : m_failed(true), m_error(std::move(error)) {}
    static Status success() { return {}; }

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const QString &error() const { return m_error.message; }

private:
    bool m_failed = false;
    Error m_error;
};

} // namespace models
