#include "ui/packsound.h"

#include <QApplication>
#include <QSoundEffect>
#include <QUrl>

namespace ui {

EffectSound::EffectSound(QObject *parent)
{
    const char *files[] = {"qrc:/sounds/pack-right.wav", "qrc:/sounds/pack-wrong.wav",
                           "qrc:/sounds/pack-done.wav"};
    for (size_t i = 0; i < m_effects.size(); ++i) {
        m_effects[i] = new QSoundEffect(parent);
        m_effects[i]->setSource(QUrl(QString::fromLatin1(files[i])));
        m_effects[i]->setVolume(1.0);
    }
}

EffectSound::~EffectSound() = default;

void EffectSound::play(Cue cue)
{
    QSoundEffect *e = m_effects[static_cast<size_t>(cue)];
    // A new scan cuts the previous sound short rather than queueing behind it.
    for (QSoundEffect *other : m_effects)
        if (other != e && other->isPlaying())
            other->stop();
    e->play();
}

void BeepSound::play(Cue)
{
    QApplication::beep();
}

} // namespace ui
