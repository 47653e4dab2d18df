#include "simulate/skill_simulation.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <numeric>
#include <random>
#include <stdexcept>

namespace staffplan::simulate {
namespace {

constexpr double kNever = std::numeric_limits<double>::infinity();

// A caller waiting in a queue's line.
struct Waiting {
  double arrival;
  double patience;  // +inf: never hangs up
  int interval;     // arrival interval, for the counts and the handling-time mean
};

// FIFO line of one queue: a ring buffer with power-of-two capacity, so pushing
// and popping are a few instructions and no memory moves once it has grown.
class Line {
 public:
  bool empty() const { return head_ == tail_; }
  std::size_t size() const { return tail_ - head_; }
  const Waiting& front() const { return slots_[head_ & mask_]; }
  Waiting pop() { return slots_[head_++ & mask_]; }
  void push(const Waiting& w) {
    if (size() == slots_.size()) grow();
    slots_[tail_++ & mask_] = w;
  }
  // The k-th caller from the front (k < size()).
  const Waiting& at(std::size_t k) const { return slots_[(head_ + k) & mask_]; }

 private:
  void grow() {
    std::vector<Waiting> bigger(std::max<std::size_t>(16, 2 * slots_.size()));
    const std::size_t n = size();
    for (std::size_t k = 0; k < n; ++k) bigger[k] = at(k);
    slots_.swap(bigger);
    mask_ = slots_.size() - 1;
    head_ = 0;
    tail_ = n;
  }
  std::vector<Waiting> slots_;
  std::size_t mask_ = 0;
  std::size_t head_ = 0;  // both only grow; the slot is index & mask_
  std::size_t tail_ = 0;
};

// A busy agent: the instant the call in hand ends, the agent's pool, and whether
// the agent leaves then (a staffing cut found no idle agent to send home).
struct Busy {
  double until;
  std::uint32_t pool;
  std::uint32_t leaving;
};

// Binary min-heap of busy agents by end of call.
class BusyHeap {
 public:
  bool empty() const { return items_.empty(); }
  const Busy& top() const { return items_.front(); }
  std::vector<Busy>& items() { return items_; }  // keys must not change
  void push(const Busy& b) {
    std::size_t i = items_.size();
    items_.push_back(b);
    while (i > 0) {
      const std::size_t parent = (i - 1) / 2;
      if (!(b.until < items_[parent].until)) break;
      items_[i] = items_[parent];
      i = parent;
    }
    items_[i] = b;
  }
  void pop() {
    const Busy last = items_.back();
    items_.pop_back();
    if (!items_.empty()) sift_down(last);
  }
  // The agent at the top takes another call: a new end, no larger than it can be.
  void replace_top(const Busy& b) { sift_down(b); }

 private:
  void sift_down(const Busy& value) {
    const std::size_t n = items_.size();
    std::size_t i = 0;
    for (;;) {
      std::size_t child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && items_[child + 1].until < items_[child].until) ++child;
      if (!(items_[child].until < value.until)) break;
      items_[i] = items_[child];
      i = child;
    }
    items_[i] = value;
  }
  std::vector<Busy> items_;
};

// Handling time of one queue's calls: mean = the AHT of the arrival interval.
class Handling {
 public:
  explicit Handling(const QueueInput& q) : mean_(q.aht_s) {
    if (!q.aht_cv) return;
    if (*q.aht_cv > 0) {
      kind_ = Kind::lognormal;
      // Lognormal with mean m and CV c: sigma^2 = ln(1 + c^2), mu = ln m - sigma^2 / 2.
      sigma_ = std::sqrt(std::log1p(*q.aht_cv * *q.aht_cv));
      mu_.reserve(mean_.size());
      for (double m : mean_) mu_.push_back(std::log(m) - 0.5 * sigma_ * sigma_);
    } else {
      kind_ = Kind::fixed;
    }
  }
  template <class Exponential, class Normal>
  double draw(int interval, Xoshiro256& rng, Exponential& unit_exponential, Normal& normal) const {
    const auto i = static_cast<std::size_t>(interval);
    switch (kind_) {
      case Kind::exponential:
        return mean_[i] * unit_exponential(rng);
      case Kind::lognormal:
        return std::exp(mu_[i] + sigma_ * normal(rng));
      case Kind::fixed:
        break;
    }
    return mean_[i];
  }

 private:
  enum class Kind { exponential, lognormal, fixed };
  Kind kind_ = Kind::exponential;
  std::vector<double> mean_;
  std::vector<double> mu_;
  double sigma_ = 0;
};

// Poisson arrivals of every queue: gaps at the interval's total rate, the queue
// drawn in proportion to its calls.
class PoissonArrivals {
 public:
  PoissonArrivals(const SkillInput& input, int count) : length_(input.interval_s), count_(count) {
    const std::size_t queues = input.queues.size();
    cumulative_.assign(static_cast<std::size_t>(count) * queues, 0);
    total_.assign(static_cast<std::size_t>(count), 0);
    queues_ = static_cast<int>(queues);
    for (int i = 0; i < count; ++i) {
      double sum = 0;
      for (std::size_t q = 0; q < queues; ++q) {
        const double c = input.queues[q].calls[static_cast<std::size_t>(i)];
        if (c > 0) sum += c;
        cumulative_[static_cast<std::size_t>(i) * queues + q] = sum;
      }
      total_[static_cast<std::size_t>(i)] = sum;
    }
  }
  // The next arrival after the previous one; false when the horizon is over.
  template <class Exponential>
  bool next(Xoshiro256& rng, Exponential& unit_exponential, double& at, int& queue, int& interval) {
    while (interval_ < count_) {
      const double calls = total_[static_cast<std::size_t>(interval_)];
      if (calls > 0) {
        now_ += length_ / calls * unit_exponential(rng);
        if (now_ < (interval_ + 1) * length_) {
          at = now_;
          interval = interval_;
          queue = pick(calls, rng);
          return true;
        }
      }
      ++interval_;
      now_ = interval_ * length_;
    }
    return false;
  }

 private:
  int pick(double calls, Xoshiro256& rng) const {
    const double u = static_cast<double>(rng() >> 11) * 0x1.0p-53 * calls;
    const double* row = &cumulative_[static_cast<std::size_t>(interval_) * static_cast<std::size_t>(queues_)];
    int last = 0;
    for (int q = 0; q < queues_; ++q) {
      const double before = q == 0 ? 0.0 : row[q - 1];
      if (row[q] > before) {
        if (u < row[q]) return q;
        last = q;
      }
    }
    return last;  // u rounded up to the total: the last queue with calls
  }
  double length_;
  int count_;
  int queues_ = 0;
  int interval_ = 0;
  double now_ = 0;
  std::vector<double> cumulative_;  // [interval][queue]: Σ calls of queues 0..q
  std::vector<double> total_;
};

class ScriptArrivals {
 public:
  ScriptArrivals(const std::vector<ScriptedArrival>& script, double length, int count)
      : script_(script), length_(length), count_(count) {}
  template <class Exponential>
  bool next(Xoshiro256&, Exponential&, double& at, int& queue, int& interval) {
    if (next_ >= script_.size()) return false;
    const ScriptedArrival& a = script_[next_++];
    at = a.at_s;
    queue = a.queue;
    interval = std::clamp(static_cast<int>(std::floor(a.at_s / length_)), 0, count_ - 1);
    return true;
  }

 private:
  const std::vector<ScriptedArrival>& script_;
  double length_;
  int count_;
  std::size_t next_ = 0;
};

class Engine {
 public:
  Engine(const SkillInput& input, int count, Xoshiro256& rng, SkillCounts& counts, const StopCheck& stop,
         std::vector<CallTrace>* trace)
      : input_(input), count_(count), length_(input.interval_s), horizon_end_(count * input.interval_s),
        rng_(rng), counts_(counts), stop_(stop), trace_(trace) {
    const std::size_t queues = input.queues.size(), pools = input.pools.size();
    lines_.resize(queues);
    for (const QueueInput& q : input.queues) handling_.emplace_back(q);
    idle_.assign(pools, 0);
    busy_staying_.assign(pools, 0);
    // Routing order: fewest queues first, then the lower index.
    order_.resize(pools);
    std::iota(order_.begin(), order_.end(), 0);
    std::stable_sort(order_.begin(), order_.end(), [&](int a, int b) {
      return input.pools[static_cast<std::size_t>(a)].queues.size() <
             input.pools[static_cast<std::size_t>(b)].queues.size();
    });
    candidates_.resize(queues);
    for (int p : order_)
      for (int q : input.pools[static_cast<std::size_t>(p)].queues)
        candidates_[static_cast<std::size_t>(q)].push_back(p);
  }

  template <class Arrivals>
  void run(Arrivals& arrivals) {
    change_staffing(0);
    int next_change = 1;
    double arrival_at = kNever;
    int arrival_queue = 0, arrival_interval = 0;
    if (!arrivals.next(rng_, unit_exponential_, arrival_at, arrival_queue, arrival_interval)) arrival_at = kNever;
    std::int64_t until_check = kStopCheckEvery;
    for (;;) {
      const double change_at = next_change < count_ ? next_change * length_ : kNever;
      const double end_at = busy_.empty() ? kNever : busy_.top().until;
      if (change_at <= end_at && change_at <= arrival_at) {
        if (change_at == kNever) break;  // nothing left to happen
        change_staffing(next_change++);
      } else if (end_at <= arrival_at) {
        call_ends(end_at);
      } else {
        if (--until_check == 0) {
          if (stop_.due()) throw StopRequested();
          until_check = kStopCheckEvery;
        }
        arrive(arrival_at, arrival_queue, arrival_interval);
        if (!arrivals.next(rng_, unit_exponential_, arrival_at, arrival_queue, arrival_interval))
          arrival_at = kNever;
      }
    }
    // Callers still waiting: no agent of theirs is left. Patient ones hang up,
    // erlang_c ones are never answered (their wait runs to the horizon end).
    for (std::size_t q = 0; q < lines_.size(); ++q) {
      Line& line = lines_[q];
      while (!line.empty()) {
        const Waiting w = line.pop();
        IntervalCounts& c = counts_.queues[q][static_cast<std::size_t>(w.interval)];
        ++c.waited;
        if (w.patience < kNever) {
          ++c.abandoned;
          c.max_wait_s = std::max(c.max_wait_s, w.patience);
          record(static_cast<int>(q), w.arrival, w.arrival + w.patience, -1);
        } else {
          c.max_wait_s = std::max(c.max_wait_s, horizon_end_ - w.arrival);
          record(static_cast<int>(q), w.arrival, kNever, -1);
        }
      }
    }
  }

 private:
  void record(int queue, double arrival, double start, int pool) {
    if (trace_) trace_->push_back({queue, arrival, start, pool});
  }

  // Pool p's agent answers call w of queue q at `now`; returns the end of the call.
  double answer(const Waiting& w, int q, int p, double now) {
    IntervalCounts& c = counts_.queues[static_cast<std::size_t>(q)][static_cast<std::size_t>(w.interval)];
    const double wait = now - w.arrival;
    if (wait > 0) ++c.waited;
    ++c.answered;
    if (wait <= input_.queues[static_cast<std::size_t>(q)].answer_within_s) ++c.answered_within;
    c.answered_wait_s += wait;
    c.max_wait_s = std::max(c.max_wait_s, wait);
    const double until =
        now + handling_[static_cast<std::size_t>(q)].draw(w.interval, rng_, unit_exponential_, normal_);
    PoolCounts& pool = counts_.pools[static_cast<std::size_t>(p)];
    ++pool.answered;
    if (now < horizon_end_) pool.busy_s += std::min(until, horizon_end_) - now;
    record(q, w.arrival, now, p);
    return until;
  }

  // Drops from the front of queue q's line the callers who hung up before `now`.
  void drop_abandoned(std::size_t q, double now) {
    Line& line = lines_[q];
    while (!line.empty()) {
      const Waiting& w = line.front();
      if (!(w.patience < now - w.arrival)) return;
      IntervalCounts& c = counts_.queues[q][static_cast<std::size_t>(w.interval)];
      ++c.waited;
      ++c.abandoned;
      c.max_wait_s = std::max(c.max_wait_s, w.patience);
      record(static_cast<int>(q), w.arrival, w.arrival + w.patience, -1);
      line.pop();
    }
  }

  // The queue of pool p whose first caller has waited longest, or -1.
  int longest_waiting(int p, double now) {
    int best = -1;
    double best_arrival = kNever;
    for (int q : input_.pools[static_cast<std::size_t>(p)].queues) {
      const auto k = static_cast<std::size_t>(q);
      drop_abandoned(k, now);
      if (!lines_[k].empty() && lines_[k].front().arrival < best_arrival) {
        best = q;
        best_arrival = lines_[k].front().arrival;
      }
    }
    return best;
  }

  void arrive(double now, int q, int interval) {
    const auto k = static_cast<std::size_t>(q);
    ++counts_.queues[k][static_cast<std::size_t>(interval)].offered;
    for (int p : candidates_[k]) {
      if (idle_[static_cast<std::size_t>(p)] > 0) {
        --idle_[static_cast<std::size_t>(p)];
        ++busy_staying_[static_cast<std::size_t>(p)];
        const double until = answer(Waiting{now, 0, interval}, q, p, now);
        busy_.push(Busy{until, static_cast<std::uint32_t>(p), 0});
        return;
      }
    }
    const auto& patience = input_.queues[k].patience_s;
    lines_[k].push(Waiting{now, patience ? *patience * unit_exponential_(rng_) : kNever, interval});
  }

  void call_ends(double now) {
    const Busy top = busy_.top();
    if (top.leaving) {  // the agent's shift ended during the call
      busy_.pop();
      return;
    }
    const int p = static_cast<int>(top.pool);
    const int q = longest_waiting(p, now);
    if (q < 0) {
      busy_.pop();
      --busy_staying_[top.pool];
      ++idle_[top.pool];
      return;
    }
    const Waiting w = lines_[static_cast<std::size_t>(q)].pop();
    busy_.replace_top(Busy{answer(w, q, p, now), top.pool, 0});
  }

  void change_staffing(int interval) {
    const double now = interval * length_;
    for (int p : order_) {
      const auto k = static_cast<std::size_t>(p);
      const int target = std::max(input_.pools[k].agents[static_cast<std::size_t>(interval)], 0);
      counts_.pools[k].agent_s += target * length_;
      const int current = idle_[k] + busy_staying_[k];
      if (target >= current) {
        idle_[k] += target - current;
        continue;
      }
      int excess = current - target;
      const int idle_leaving = std::min(excess, idle_[k]);
      idle_[k] -= idle_leaving;
      excess -= idle_leaving;
      if (excess == 0) continue;
      // Selection sampling (Knuth's algorithm S): `excess` of the pool's busy
      // staying agents, each subset equally likely.
      int remaining = busy_staying_[k], needed = excess;
      for (Busy& b : busy_.items()) {
        if (needed == 0) break;
        if (b.pool != static_cast<std::uint32_t>(p) || b.leaving) continue;
        if (static_cast<int>(rng_() % static_cast<std::uint64_t>(remaining)) < needed) {
          b.leaving = 1;
          --needed;
          if (now < horizon_end_) counts_.pools[k].busy_s -= std::max(0.0, std::min(b.until, horizon_end_) - now);
        }
        --remaining;
      }
      busy_staying_[k] -= excess;
    }
    // Joining agents take waiting calls, pools with fewer queues first.
    for (int p : order_) {
      const auto k = static_cast<std::size_t>(p);
      while (idle_[k] > 0) {
        const int q = longest_waiting(p, now);
        if (q < 0) break;
        --idle_[k];
        ++busy_staying_[k];
        const Waiting w = lines_[static_cast<std::size_t>(q)].pop();
        busy_.push(Busy{answer(w, q, p, now), static_cast<std::uint32_t>(p), 0});
      }
    }
  }

  const SkillInput& input_;
  int count_;
  double length_;
  double horizon_end_;
  Xoshiro256& rng_;
  SkillCounts& counts_;
  const StopCheck& stop_;
  std::vector<CallTrace>* trace_;
  std::exponential_distribution<double> unit_exponential_{1.0};
  std::normal_distribution<double> normal_{0.0, 1.0};
  std::vector<Handling> handling_;
  std::vector<Line> lines_;
  BusyHeap busy_;
  std::vector<int> idle_;          // per pool: idle agents
  std::vector<int> busy_staying_;  // per pool: busy agents who stay after their call
  std::vector<int> order_;         // pools, fewest queues first
  std::vector<std::vector<int>> candidates_;  // per queue: pools that answer it, in order_
};

void check(const SkillInput& input, int count) {
  if (!(input.interval_s > 0)) throw std::invalid_argument("simulate_skills: interval must be positive");
  const int queues = static_cast<int>(input.queues.size());
  for (const QueueInput& q : input.queues)
    if (static_cast<int>(q.calls.size()) != count || static_cast<int>(q.aht_s.size()) != count)
      throw std::invalid_argument("simulate_skills: every queue needs calls and AHT for every interval");
  for (const SkillPoolInput& p : input.pools) {
    if (static_cast<int>(p.agents.size()) != count)
      throw std::invalid_argument("simulate_skills: every pool needs agents for every interval");
    if (p.queues.empty()) throw std::invalid_argument("simulate_skills: a pool answers no queue");
    for (int q : p.queues)
      if (q < 0 || q >= queues) throw std::invalid_argument("simulate_skills: a pool answers an unknown queue");
  }
}

}  // namespace

void simulate_skills(const SkillInput& input, Xoshiro256& rng, SkillCounts& counts, const StopCheck& stop,
                     const std::vector<ScriptedArrival>* script, std::vector<CallTrace>* trace) {
  const int count = input.queues.empty() ? 0 : static_cast<int>(input.queues.front().calls.size());
  check(input, count);
  counts.queues.assign(input.queues.size(), std::vector<IntervalCounts>(static_cast<std::size_t>(count)));
  counts.pools.assign(input.pools.size(), PoolCounts{});
  if (count == 0) return;
  Engine engine(input, count, rng, counts, stop, trace);
  if (script) {
    double previous = 0;
    for (const ScriptedArrival& a : *script) {
      if (!(a.at_s >= previous && a.at_s < count * input.interval_s) || a.queue < 0 ||
          a.queue >= static_cast<int>(input.queues.size()))
        throw std::invalid_argument("simulate_skills: scripted arrivals must be in time order, in the "
                                    "horizon and of known queues");
      previous = a.at_s;
    }
    ScriptArrivals arrivals(*script, input.interval_s, count);
    engine.run(arrivals);
  } else {
    PoissonArrivals arrivals(input, count);
    engine.run(arrivals);
  }
}

}  // namespace staffplan::simulate
