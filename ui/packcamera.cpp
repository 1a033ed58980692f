#include "ui/packcamera.h"

#include "printing/barcodereader.h"

#include <QCamera>
#include <QMediaCaptureSession>
#include <QMediaDevices>
#include <QPointer>
#include <QThreadPool>
#include <QVideoFrame>
#include <QVideoSink>

namespace ui {

namespace {

constexpr int kDecodeEveryMs = 200;
// The same code again counts as a new scan after it was out of sight this long.
constexpr int kRepeatAfterMs = 1500;
constexpr int kPreviewWidth = 320;

} // namespace

PackCamera::PackCamera(QObject *parent) : QObject(parent) {}

PackCamera::~PackCamera()
{
    stop();
}

bool PackCamera::isAvailable()
{
    return !QMediaDevices::videoInputs().isEmpty();
}

bool PackCamera::isActive() const
{
    return m_camera && m_camera->isActive();
}

bool PackCamera::start()
{
    if (isActive())
        return true;
    if (!isAvailable()) {
        m_error = tr("No camera found");
        return false;
    }
    m_camera = new QCamera(QMediaDevices::defaultVideoInput(), this);
    m_session = new QMediaCaptureSession(this);
    m_sink = new QVideoSink(this);
    m_session->setCamera(m_camera);
    m_session->setVideoSink(m_sink);
    connect(m_sink, &QVideoSink::videoFrameChanged, this, &PackCamera::onFrame);
    connect(m_camera, &QCamera::errorOccurred, this,
            [this](QCamera::Error, const QString &text) { m_error = text; });
    m_sinceDecode.start();
    m_camera->start();
    return true;
}

void PackCamera::stop()
{
    if (m_camera)
        m_camera->stop();
    delete m_session;
    delete m_sink;
    delete m_camera;
    m_session = nullptr;
    m_sink = nullptr;
    m_camera = nullptr;
}

void PackCamera::onFrame(const QVideoFrame &frame)
{
    if (m_sinceDecode.elapsed() < kDecodeEveryMs || m_busy->load())
        return;
    m_sinceDecode.restart();
    const QImage image = frame.toImage();
    if (image.isNull())
        return;
    emit preview(image.scaledToWidth(kPreviewWidth, Qt::FastTransformation));
    m_busy->store(true);
    QPointer<PackCamera> self(this);
    std::shared_ptr<std::atomic<bool>> busy = m_busy;
    QThreadPool::globalInstance()->start([image, self, busy] {
        const std::optional<printing::ReadBarcode> r = printing::readBarcode(image);
        const QString text = r ? r->text : QString();
        busy->store(false);
        if (self)
            QMetaObject::invokeMethod(self.data(), [self, text] {
                if (self)
                    self->onResult(text);
            });
    });
}

void PackCamera::onResult(const QString &text)
{
    if (text.isEmpty()) {
        if (m_sinceSeen.isValid() && m_sinceSeen.elapsed() > kRepeatAfterMs)
            m_lastText.clear();
        return;
    }
    m_sinceSeen.start();
    if (text == m_lastText)
        return;
    m_lastText = text;
    emit decoded(text);
}

} // namespace ui
