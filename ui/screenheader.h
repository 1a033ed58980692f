#pragma once

#include <QWidget>

class QLabel;

namespace ui {

// The top of every screen: a title, a short summary beside it (e.g. "5,000 orders")
// and, below, an error line that appears only when there is something wrong. Errors
// are shown here rather than in a dialog so a failing query never blocks the window.
class ScreenHeader : public QWidget
{
    Q_OBJECT
public:
    explicit ScreenHeader(const QString &title, QWidget *parent = nullptr);

    void setSummary(const QString &text);
    // An empty message hides the error line.
    void setError(const QString &message);

    QString title() const;
    QString summary() const;
    QString error() const;

private:
    QLabel *m_title;
    QLabel *m_summary;
    QLabel *m_error;
};

} // namespace ui
