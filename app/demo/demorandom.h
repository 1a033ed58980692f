#pragma once

#include <QList>
#include <QtGlobal>

#include <algorithm>
#include <initializer_list>
#include <vector>

namespace app::demo {

// A small, fast random generator (xoshiro256**, seeded through splitmix64) whose
// sequence is the same on every platform and compiler. std::mt19937 would be too,
// but the standard distributions are not, and the demo must be byte-identical.
class DemoRandom
{
public:
    explicit DemoRandom(quint64 seed)
    {
        for (quint64 &s : m_state) {
            seed += 0x9E3779B97F4A7C15ULL;
            quint64 z = seed;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
            s = z ^ (z >> 31);
        }
    }

    quint64 next()
    {
        const quint64 result = rotl(m_state[1] * 5, 7) * 9;
        const quint64 t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }

    // Uniform in [lo, hi], both included. The modulo bias is below 1e-9 for the
    // spans used here, irrelevant for demo data, and plain modulo is portable.
    qint64 between(qint64 lo, qint64 hi)
    {
        const quint64 span = static_cast<quint64>(hi - lo) + 1;
        return lo + static_cast<qint64>(next() % span);
    }

    // True with the given chance in parts per thousand.
    bool chance(int perMille) { return between(0, 999) < perMille; }

    template <typename T, size_t N> const T &pick(const T (&items)[N])
    {
        return items[static_cast<size_t>(between(0, N - 1))];
    }

    const char *pick(std::initializer_list<const char *> items)
    {
        return *(items.begin() + between(0, static_cast<qint64>(items.size()) - 1));
    }

    template <typename T> const T &pick(const QList<T> &items)
    {
        return items.at(between(0, items.size() - 1));
    }

    // An index drawn from cumulative integer weights (last element = total).
    size_t weighted(const std::vector<qint64> &cumulative)
    {
        const qint64 r = between(0, cumulative.back() - 1);
        return static_cast<size_t>(std::upper_bound(cumulative.begin(), cumulative.end(), r) -
                                   cumulative.begin());
    }

    // A derived generator for one entity (a customer, a product), so its details do
    // not depend on how many numbers were drawn before it.
    static DemoRandom forEntity(quint64 seed, quint64 kind, quint64 index)
    {
        return DemoRandom(seed * 0x100000001B3ULL ^ (kind << 48) ^ index);
    }

private:
    static quint64 rotl(quint64 x, int k) { return (x << k) | (x >> (64 - k)); }
    quint64 m_state[4];
};

} // namespace app::demo
