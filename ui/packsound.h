#pragma once

#include <QObject>

#include <array>
#include <memory>

class QSoundEffect;

namespace ui {

// The pack bench's three sounds: a short high beep for a right scan, a low double
// buzz for anything the packer must look at, a rising chime when the order is done.
class PackSound
{
public:
    enum class Cue
    {
        Right,
        Wrong,
        Done,
    };
    virtual ~PackSound() = default;
    virtual void play(Cue cue) = 0;
};

// The sounds as short WAV files compiled in (resources/sounds), played with Qt
// Multimedia. Where no audio output is available it stays silent.
class EffectSound : public PackSound
{
public:
    explicit EffectSound(QObject *parent);
    ~EffectSound() override;
    void play(Cue cue) override;

private:
    std::array<QSoundEffect *, 3> m_effects{};
};

// The system beep, one sound for all three: for machines without audio.
class BeepSound : public PackSound
{
public:
    void play(Cue cue) override;
};

} // namespace ui
