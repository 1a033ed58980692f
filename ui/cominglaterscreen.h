#pragma once

#include <QWidget>

namespace ui {

class ScreenHeader;

// A screen that is planned but not built yet. It says plainly what the screen will
// do and that it is not available, and offers nothing to click that would not work.
class ComingLaterScreen : public QWidget
{
    Q_OBJECT
public:
    ComingLaterScreen(const QString &title, const QString &description, QWidget *parent = nullptr);
};

} // namespace ui
