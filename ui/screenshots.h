#pragma once

#include "models/result.h"

#include <QString>

namespace ui {

class MainWindow;

// Renders every screen of the window to outDir as NN-<slug>.png (01-orders.png …
// 09-settings.png) at a fixed 1400×860, for documentation and for reviewing the
// look. The folder is created if missing. A hidden window is rendered without
// appearing on screen; afterwards the window's size and current screen are put
// back. The error names the folder or file that could not be written.
models::Status saveScreenshots(MainWindow &window, const QString &outDir);

} // namespace ui
