#pragma once

#include <QElapsedTimer>
#include <QImage>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

class QCamera;
class QMediaCaptureSession;
class QVideoFrame;
class QVideoSink;

namespace ui {

// The bench's webcam as a scanner: frames are decoded off the GUI thread, a few a
// second, and each code found is reported once (the same code again only after it
// has left the picture for a moment).
class PackCamera : public QObject
{
    Q_OBJECT
public:
    explicit PackCamera(QObject *parent = nullptr);
    ~PackCamera() override;

    static bool isAvailable();
    bool isActive() const;
    // Starts the default camera; false (with errorText()) when there is none.
    bool start();
    void stop();
    QString errorText() const { return m_error; }

signals:
    void decoded(const QString &text);
    // A small copy of the latest frame, for aiming.
    void preview(const QImage &image);

private:
    void onFrame(const QVideoFrame &frame);
    void onResult(const QString &text);

    QCamera *m_camera = nullptr;
    QMediaCaptureSession *m_session = nullptr;
    QVideoSink *m_sink = nullptr;
    QElapsedTimer m_sinceDecode;
    QElapsedTimer m_sinceSeen;
    QString m_lastText;
    QString m_error;
    std::shared_ptr<std::atomic<bool>> m_busy = std::make_shared<std::atomic<bool>>(false);
};

} // namespace ui
