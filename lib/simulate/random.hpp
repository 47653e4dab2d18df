#pragma once
// Random streams for the simulation. Each (seed, replication, queue) triple gets
// its own stream, derived with SplitMix64 (Steele, Lea, Flood 2014), so results
// depend on the seed and the replication index only, never on which thread ran
// them. The generator is xoshiro256** (Blackman & Vigna 2018): 256-bit state,
// period 2^256 - 1, passes BigCrush, about 1 ns per draw; it satisfies
// std::uniform_random_bit_generator so the <random> distributions can use it.
#include <cstdint>
#include <limits>

namespace staffplan::simulate {

// One step of SplitMix64: a bijective 64-bit mixer, used to expand seeds.
inline std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

class Xoshiro256 {
 public:
  using result_type = std::uint64_t;

  // Stream `stream` of seed `seed`: both are mixed through SplitMix64, so
  // neighbouring seeds or streams give unrelated sequences.
  Xoshiro256(std::uint64_t seed, std::uint64_t stream) {
    std::uint64_t mix = seed;
    mix = splitmix64(mix) ^ stream;
    for (auto& word : s_) word = splitmix64(mix);
  }

  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }

  result_type operator()() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
};

}  // namespace staffplan::simulate
