// build_milp: the formulation of milp_model.hpp, one family at a time.
#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "optimize/milp_model.hpp"
#include "optimize/model_builder.hpp"
#include "optimize/rounding_cuts.hpp"

namespace staffplan::optimize {
namespace {

using ColIt = Eigen::SparseMatrix<double>::InnerIterator;

// A presence coefficient this close to a whole number counts as whole.
constexpr double kIntegralTolerance = 1e-9;
// A service-level increment may exceed the one before it by this much (round-off)
// and the curve still counts as concave.
constexpr double kConcavityTolerance = 1e-12;

// The interval pattern of a column: its presence and seat entries, for duplicate
// detection.
struct Pattern {
  int site, group, contract;
  std::vector<std::pair<int, double>> present;
  std::vector<int> seats;
  bool operator<(const Pattern& o) const {
    return std::tie(site, group, contract, present, seats) < std::tie(o.site, o.group, o.contract, o.present, o.seats);
  }
};

// Pool rows enumerate queue sets; beyond this many queues the 2^Q sets cost more
// than the cuts they give.
constexpr int max_pool_queues = 8;

class Formulation {
 public:
  Formulation(const Plan& plan, const require::Requirement& requirement, const ColumnSet& set)
      : plan_(plan), req_(requirement), set_(set), count_(plan.horizon.count) {}

  MilpModel build(std::optional<double> shortfall_penalty) {
    keep_cheapest_duplicates();
    add_agents();
    add_cover_rows();
    add_outsourcing();
    add_work_rows();
    add_allocation();
    add_service_level();
    if (shortfall_penalty) add_shortfall(*shortfall_penalty);
    add_pool_rows();
    add_work_pool_rows();
    add_seat_rows();
    add_start_limits();
    add_group_limits();
    add_tours();
    return b_.build();
  }

 private:
  double productive_share(int column) const {
    return 1 - plan_.sites[set_.columns[column].site].shrinkage;
  }
  const AgentGroup& group_of(int column) const {
    return set_.agent_groups[set_.columns[column].agent_group].group;
  }
  int num_columns() const { return static_cast<int>(set_.columns.size()); }

  // Among columns with the same pattern and no start limit, the cheapest.
  void keep_cheapest_duplicates() {
    keep_.assign(set_.columns.size(), true);
    std::map<Pattern, int> cheapest;
    for (int c = 0; c < num_columns(); ++c) {
      const StartGroup& g = set_.starts[set_.columns[c].start_group];
      if (g.min_agents > 0 || g.max_agents >= 0) continue;
      Pattern p{set_.columns[c].site, set_.columns[c].agent_group, set_.columns[c].contract, {}, {}};
      for (ColIt it(set_.present, c); it; ++it) p.present.emplace_back(static_cast<int>(it.row()), it.value());
      for (ColIt it(set_.on_shift, c); it; ++it) p.seats.push_back(static_cast<int>(it.row()));
      auto [pos, fresh] = cheapest.try_emplace(std::move(p), c);
      if (fresh) continue;
      if (set_.columns[c].cost < set_.columns[pos->second].cost) {
        keep_[pos->second] = false;
        pos->second = c;
      } else {
        keep_[c] = false;
      }
    }
  }

  // x[column]: bounded by seats, the start's max_agents and the group's max_agents.
  // A free column (hourly cost 0) costs the tie-break kFreeAgentTieBreak × the
  // cheapest positive column cost per agent (1 when every column is free).
  void add_agents() {
    var_of_.assign(set_.columns.size(), -1);
    double cheapest = infinity;
    for (int c = 0; c < num_columns(); ++c)
      if (keep_[c] && set_.columns[c].cost > 0) cheapest = std::min(cheapest, set_.columns[c].cost);
    const double free_agent_cost = cheapest < infinity ? kFreeAgentTieBreak * cheapest : 1.0;
    for (int c = 0; c < num_columns(); ++c) {
      if (!keep_[c]) continue;
      const Column& col = set_.columns[c];
      const StartGroup& g = set_.starts[col.start_group];
      double ub = infinity;
      if (plan_.sites[col.site].seats) ub = *plan_.sites[col.site].seats;
      if (g.max_agents >= 0) ub = std::min<double>(ub, g.max_agents);
      if (const auto& most = group_of(c).max_agents) ub = std::min<double>(ub, *most);
      const double lb = g.columns.size() == 1 && g.min_agents > 0 ? g.min_agents : 0;
      const double cost = col.cost > 0 ? col.cost : free_agent_cost;
      var_of_[c] = b_.add_var(VarKey{.family = VarFamily::agents, .column = c}, lb, ub, cost, true);
    }
  }

  // Cover(q, i) for every requirement; one-queue groups' presence enters directly.
  void add_cover_rows() {
    cover_row_.assign(plan_.queues.size() * static_cast<std::size_t>(count_), -1);
    for (int q = 0; q < static_cast<int>(plan_.queues.size()); ++q)
      for (int i = 0; i < count_; ++i) {
        const int required = require::most_required(plan_, req_, q, i);
        if (required <= 0) continue;
        cover_row_[cell(q, i)] = b_.add_row(RowKey{.family = RowFamily::cover, .queue = q, .interval = i},
                                            required, infinity);
      }
    add_increment_rows();
    for (int c = 0; c < num_columns(); ++c) {
      if (var_of_[c] < 0 || !answers_one_queue_only(group_of(c))) continue;
      const int q = group_of(c).queues.front();
      const int g = set_.columns[c].agent_group;
      for (ColIt it(set_.present, c); it; ++it)
        add_cover_entry(q, static_cast<int>(it.row()) - g * count_, var_of_[c], productive_share(c) * it.value());
    }
  }

  // Outsourcing (SPEC §9): w and Choice for share-mode outsourcers, v for
  // intervals-mode ones; each relieves its queue's Cover rows (milp_model.hpp).
  void add_outsourcing() {
    relief_.assign(cover_row_.size(), {});
    for (int o = 0; o < static_cast<int>(plan_.outsourcers.size()); ++o) {
      const Outsourcer& out = plan_.outsourcers[o];
      for (int q : out.queues) {
        const Queue& queue = plan_.queues[q];
        const auto minutes = [&](int i) { return queue.calls[i] * queue.aht_s_per_interval[i] / 60.0; };
        if (out.mode == OutsourceMode::share) {
          double total_minutes = 0;
          for (int i = 0; i < count_; ++i) total_minutes += minutes(i);
          const int choice = b_.add_row(RowKey{.family = RowFamily::choice, .queue = q, .outsourcer = o}, 1, 1);
          const auto& levels = req_.queues[q].shares;
          for (int l = 0; l < static_cast<int>(levels.size()); ++l) {
            const int w = b_.add_var(VarKey{.family = VarFamily::share, .queue = q, .outsourcer = o, .level = l}, 0, 1,
                                     levels[l].share * total_minutes * out.price_per_minute, true);
            b_.add_entry(choice, w, 1.0);
            for (int i = 0; i < count_; ++i) {
              const int r = cover_row_[cell(q, i)];
              if (r < 0) continue;
              const double relief = b_.row_lb(r) - levels[l].intervals[i].agents;
              if (relief <= 0) continue;
              b_.add_entry(r, w, relief);
              relief_[cell(q, i)].emplace_back(w, relief);
            }
          }
        } else {
          for (int i = 0; i < count_; ++i) {
            const int r = cover_row_[cell(q, i)];
            if (r < 0 || queue.calls[i] <= 0 || !out.open_at(plan_.horizon, i)) continue;
            const int v = b_.add_var(VarKey{.family = VarFamily::send, .queue = q, .interval = i, .outsourcer = o}, 0,
                                     1, minutes(i) * out.price_per_minute, true);
            b_.add_entry(r, v, b_.row_lb(r));
            relief_[cell(q, i)].emplace_back(v, b_.row_lb(r));
          }
        }
      }
    }
  }

  // The queue's goal is measured over a day or week and interval i has a
  // service-level curve with room above the floor staffing.
  bool has_increments(int q, int i) const {
    return plan_.queues[q].goal.global() && req_.queues[q].intervals[i].sl_curve.size() > 1;
  }

  // Increment(q, i) wherever z variables will draw on the coverage above the floor.
  void add_increment_rows() {
    increment_row_.assign(cover_row_.size(), -1);
    fractional_.assign(cover_row_.size(), false);
    for (int q = 0; q < static_cast<int>(plan_.queues.size()); ++q)
      for (int i = 0; i < count_; ++i)
        if (has_increments(q, i))
          increment_row_[cell(q, i)] =
              b_.add_row(RowKey{.family = RowFamily::increment, .queue = q, .interval = i},
                         req_.queues[q].intervals[i].agents, infinity);
  }

  // Productive presence of variable `var` for queue q in interval i: into Cover and
  // Increment alike. Whether the coverage can be fractional decides z's integrality.
  void add_cover_entry(int q, int i, int var, double value) {
    if (const int r = cover_row_[cell(q, i)]; r >= 0) b_.add_entry(r, var, value);
    if (const int r = increment_row_[cell(q, i)]; r >= 0) {
      b_.add_entry(r, var, value);
      if (std::abs(value - std::round(value)) > kIntegralTolerance || !b_.is_integer(var)) fractional_[cell(q, i)] = true;
    }
  }

  // z[q, i, k] and the ServiceLevel and Order rows (milp_model.hpp), for every
  // queue whose service level is measured over a day or week.
  void add_service_level() {
    for (int q = 0; q < static_cast<int>(plan_.queues.size()); ++q) {
      const Goal& goal = plan_.queues[q].goal;
      if (!goal.global()) continue;
      const auto& intervals = req_.queues[q].intervals;
      std::map<int, std::vector<int>> periods;  // period -> intervals with calls
      for (int i = 0; i < count_; ++i)
        if (intervals[i].calls > 0) periods[require::period_of(plan_, goal.measured(), i)].push_back(i);
      for (const auto& [period, members] : periods) {
        double calls = 0, floor_credit = 0;
        for (int i : members) calls += intervals[i].calls;
        for (int i : members)
          if (!intervals[i].sl_curve.empty()) floor_credit += intervals[i].calls / calls * intervals[i].sl_curve.front();
          else floor_credit += intervals[i].calls / calls * intervals[i].service_level;
        const double needed = *goal.service_level - floor_credit;
        if (needed <= 0) continue;  // the floor staffing already meets the goal
        const int row = b_.add_row(RowKey{.family = RowFamily::service_level, .queue = q, .period = period}, needed,
                                   infinity);
        for (int i : members) {
          if (!has_increments(q, i)) continue;
          const std::vector<double>& sl = intervals[i].sl_curve;
          bool concave = true;
          for (std::size_t k = 2; k < sl.size(); ++k)
            if (sl[k] - sl[k - 1] > sl[k - 1] - sl[k - 2] + kConcavityTolerance) concave = false;
          const bool binary = !concave || fractional_[cell(q, i)];
          const int inc = increment_row_[cell(q, i)];
          int previous = -1;
          for (std::size_t k = 1; k < sl.size(); ++k) {
            const int z = b_.add_var(
                VarKey{.family = VarFamily::increment, .queue = q, .interval = i, .step = static_cast<int>(k)}, 0, 1,
                0, binary);
            b_.add_entry(inc, z, -1.0);
            b_.add_entry(row, z, intervals[i].calls / calls * (sl[k] - sl[k - 1]));
            if (!concave && previous >= 0) {
              const int order = b_.add_row(
                  RowKey{.family = RowFamily::order, .queue = q, .interval = i, .step = static_cast<int>(k - 1)}, 0,
                  infinity);
              b_.add_entry(order, previous, 1.0);
              b_.add_entry(order, z, -1.0);
            }
            previous = z;
          }
        }
      }
    }
  }

  // Work(w, d) for every day of deferrable work with hours to place, and for each
  // interval the work days whose window it touches.
  void add_work_rows() {
    work_at_.assign(count_, {});
    for (int w = 0; w < static_cast<int>(plan_.work.size()); ++w) {
      const Work& work = plan_.work[w];
      if (work.hours_per_day <= 0) continue;
      for (int d = 0; d < static_cast<int>(work.days.size()); ++d) {
        const int r = b_.add_row(RowKey{.family = RowFamily::work, .work = w, .day = d}, work.hours_per_day, infinity);
        for (const auto& [i, share] : work.days[d].intervals) work_at_[i].push_back(WorkCell{w, d, share, r});
      }
    }
  }

  // Capacity(g, i) and y[g, q, i] for groups answering several queues, and w[g, ·, ·, i]
  // for groups taking work, wherever the group is present and one of its queues
  // needs agents or one of its work's windows is open.
  void add_allocation() {
    const int groups = static_cast<int>(set_.agent_groups.size());
    const double interval_h = plan_.horizon.interval_s / 3600.0;
    std::vector<int> capacity_row(static_cast<std::size_t>(groups) * count_, -1);
    std::vector<bool> present(capacity_row.size(), false);
    for (int c = 0; c < num_columns(); ++c)
      if (var_of_[c] >= 0 && !answers_one_queue_only(group_of(c)))
        for (ColIt it(set_.present, c); it; ++it) present[it.row()] = true;
    for (int g = 0; g < groups; ++g) {
      const AgentGroup& group = set_.agent_groups[g].group;
      const std::vector<int>& queues = group.queues;
      if (answers_one_queue_only(group)) continue;
      const auto takes = [&](const WorkCell& wc) {
        return std::binary_search(group.work.begin(), group.work.end(), wc.work);
      };
      for (int i = 0; i < count_; ++i) {
        const std::size_t gi = static_cast<std::size_t>(g) * count_ + i;
        if (!present[gi]) continue;
        const bool needed = std::any_of(queues.begin(), queues.end(), [&](int q) {
          return cover_row_[cell(q, i)] >= 0 || increment_row_[cell(q, i)] >= 0;
        }) || std::any_of(work_at_[i].begin(), work_at_[i].end(), takes);
        if (!needed) continue;
        const int r = b_.add_row(RowKey{.family = RowFamily::capacity, .group = g, .interval = i}, -infinity, 0);
        capacity_row[gi] = r;
        for (int q : queues) {
          if (cover_row_[cell(q, i)] < 0 && increment_row_[cell(q, i)] < 0) continue;
          const int y = b_.add_var(VarKey{.family = VarFamily::allocation, .group = g, .queue = q, .interval = i}, 0,
                                   infinity, 0, false);
          add_cover_entry(q, i, y, 1.0);
          b_.add_entry(r, y, 1.0);
        }
        for (const WorkCell& wc : work_at_[i]) {
          if (!takes(wc)) continue;
          const int w = b_.add_var(
              VarKey{.family = VarFamily::work, .group = g, .interval = i, .work = wc.work, .day = wc.day}, 0,
              infinity, 0, false);
          b_.add_entry(wc.row, w, wc.share * interval_h);
          b_.add_entry(r, w, 1.0);
        }
      }
    }
    for (int c = 0; c < num_columns(); ++c) {
      if (var_of_[c] < 0 || answers_one_queue_only(group_of(c))) continue;
      for (ColIt it(set_.present, c); it; ++it)
        if (const int r = capacity_row[it.row()]; r >= 0)
          b_.add_entry(r, var_of_[c], -productive_share(c) * it.value());
    }
  }

  // u[q, i] on every Cover row, priced per missing agent-hour.
  void add_shortfall(double penalty) {
    const double interval_h = plan_.horizon.interval_s / 3600.0;
    for (int q = 0; q < static_cast<int>(plan_.queues.size()); ++q)
      for (int i = 0; i < count_; ++i) {
        const int r = cover_row_[cell(q, i)];
        if (r < 0) continue;
        const int u = b_.add_var(VarKey{.family = VarFamily::shortfall, .queue = q, .interval = i}, 0, b_.row_lb(r),
                                 penalty * interval_h, false);
        b_.add_entry(r, u, 1.0);
        shortfall_var_[cell(q, i)] = u;
      }
  }

  // Pool(S, i) for every set S of at least two queues with a requirement in i that
  // shared groups present in i connect, and Pool({q}, i) for a queue a shared group
  // answers. Only for plans with at most max_pool_queues queues (2^Q sets).
  void add_pool_rows() {
    const int nq = static_cast<int>(plan_.queues.size());
    if (nq > max_pool_queues) return;
    const int ng = static_cast<int>(set_.agent_groups.size());
    // Kept columns of each group, and each group's queue mask.
    std::vector<std::vector<int>> columns_of(ng);
    for (int c = 0; c < num_columns(); ++c)
      if (var_of_[c] >= 0) columns_of[set_.columns[c].agent_group].push_back(c);
    std::vector<unsigned> mask(ng, 0);
    for (int g = 0; g < ng; ++g)
      for (int q : set_.agent_groups[g].group.queues) mask[g] |= 1u << q;
    for (int i = 0; i < count_; ++i) {
      unsigned needed = 0;
      for (int q = 0; q < nq; ++q)
        if (cover_row_[cell(q, i)] >= 0) needed |= 1u << q;
      // Shared groups present in i, as queue masks restricted to `needed`.
      std::vector<unsigned> shared;
      for (int g = 0; g < ng; ++g)
        if (!answers_one_queue_only(set_.agent_groups[g].group) && group_present(columns_of[g], g, i) &&
            (mask[g] & needed) != 0)
          shared.push_back(mask[g] & needed);
      if (shared.empty()) continue;
      for (unsigned S = needed; S != 0; S = (S - 1) & needed) {
        if (!connected(S, shared)) continue;
        double required = 0;
        for (int q = 0; q < nq; ++q)
          if (S & (1u << q)) required += b_.row_lb(cover_row_[cell(q, i)]);
        const int r = b_.add_row(RowKey{.family = RowFamily::pool, .interval = i, .queues = S}, required, infinity);
        for (int g = 0; g < ng; ++g) {
          if ((mask[g] & S) == 0) continue;
          for (int c : columns_of[g])
            for (ColIt it(set_.present, c); it; ++it)
              if (static_cast<int>(it.row()) == g * count_ + i)
                b_.add_entry(r, var_of_[c], productive_share(c) * it.value());
        }
        for (int q = 0; q < nq; ++q) {
          if (!(S & (1u << q))) continue;
          if (shortfall_var_[cell(q, i)] >= 0) b_.add_entry(r, shortfall_var_[cell(q, i)], 1.0);
          for (const auto& [var, value] : relief_[cell(q, i)]) b_.add_entry(r, var, value);
        }
      }
    }
  }

  // WorkPool(w, d): the day's work and the calls that compete for the same agents,
  // stated on the integer agents over the window. With G the groups doing w, S the
  // queues any of them answers and U = G ∪ the groups answering a queue of S, in
  // every interval i: Σ_U productive ≥ Σ_S required + Σ_G w[·,w,d,i]; weighted by
  // share_i × interval hours and summed over the window, the Work row gives
  //   Σ_{c ∈ U} (Σ_i share_i h · productive presence) x_c + Σ shortfall ≥ hours + Σ_i share_i h Σ_S required.
  // Implied by Capacity, Cover and Work (the LP bound is the same), but CBC's cuts
  // work on it.
  void add_work_pool_rows() {
    const int ng = static_cast<int>(set_.agent_groups.size());
    const double interval_h = plan_.horizon.interval_s / 3600.0;
    for (int w = 0; w < static_cast<int>(plan_.work.size()); ++w) {
      const Work& work = plan_.work[w];
      if (work.hours_per_day <= 0) continue;
      std::vector<bool> in_u(ng, false), in_s(plan_.queues.size(), false);
      for (int g = 0; g < ng; ++g) {
        const AgentGroup& group = set_.agent_groups[g].group;
        if (!std::binary_search(group.work.begin(), group.work.end(), w)) continue;
        in_u[g] = true;
        for (int q : group.queues) in_s[q] = true;
      }
      for (int g = 0; g < ng; ++g)
        for (int q : set_.agent_groups[g].group.queues)
          if (in_s[q]) in_u[g] = true;
      for (int d = 0; d < static_cast<int>(work.days.size()); ++d) {
        std::vector<double> share(count_, 0.0);
        double needed = work.hours_per_day;
        for (const auto& [i, part] : work.days[d].intervals) {
          share[i] = part;
          for (int q = 0; q < static_cast<int>(plan_.queues.size()); ++q)
            if (in_s[q]) needed += part * interval_h * std::max(0, req_.queues[q].intervals[i].agents);
        }
        std::map<int, double> coef;
        for (int c = 0; c < num_columns(); ++c) {
          const int g = set_.columns[c].agent_group;
          if (var_of_[c] < 0 || !in_u[g]) continue;
          for (ColIt it(set_.present, c); it; ++it)
            if (const double part = share[static_cast<int>(it.row()) - g * count_]; part > 0)
              coef[var_of_[c]] += part * interval_h * productive_share(c) * it.value();
        }
        const int r = b_.add_row(RowKey{.family = RowFamily::work_pool, .work = w, .day = d}, needed, infinity);
        for (const auto& [v, a] : coef) b_.add_entry(r, v, a);
        for (const auto& [i, part] : work.days[d].intervals)
          for (int q = 0; q < static_cast<int>(plan_.queues.size()); ++q)
            if (in_s[q] && shortfall_var_[cell(q, i)] >= 0)
              b_.add_entry(r, shortfall_var_[cell(q, i)], part * interval_h);
      }
    }
  }

  bool group_present(const std::vector<int>& columns, int g, int i) const {
    for (int c : columns)
      for (ColIt it(set_.present, c); it; ++it)
        if (static_cast<int>(it.row()) == g * count_ + i) return true;
    return false;
  }

  // Whether the shared groups join every queue of S into one component (a single
  // queue counts when some shared group answers it).
  static bool connected(unsigned S, const std::vector<unsigned>& shared) {
    const unsigned first = S & (~S + 1);
    unsigned reached = first;
    bool touched = false;
    for (bool grew = true; grew;) {
      grew = false;
      for (unsigned m : shared) {
        if ((m & reached) == 0) continue;
        touched = true;
        const unsigned next = reached | (m & S);
        if (next != reached) {
          reached = next;
          grew = true;
        }
      }
    }
    return touched && reached == S;
  }

  // A ≤ row over `vars`, unless their upper bounds cannot exceed `limit`.
  void add_packing_row(const RowKey& key, const std::vector<int>& vars, double limit) {
    double most = 0;
    for (int v : vars) most += b_.var_ub(v);
    if (most <= limit) return;
    const int r = b_.add_row(key, -infinity, limit);
    for (int v : vars) b_.add_entry(r, v, 1.0);
  }

  // Agents on shift at each interval (breaks included) among the kept columns for
  // which `member` holds.
  template <class Member>
  std::vector<std::vector<int>> on_shift(int site, Member member) const {
    std::vector<std::vector<int>> on(count_);
    for (int c = 0; c < num_columns(); ++c) {
      if (var_of_[c] < 0 || set_.columns[c].site != site || !member(c)) continue;
      for (ColIt it(set_.on_shift, c); it; ++it)
        on[it.row() - static_cast<Eigen::Index>(site) * count_].push_back(var_of_[c]);
    }
    return on;
  }

  void add_seat_rows() {
    for (int s = 0; s < static_cast<int>(plan_.sites.size()); ++s) {
      if (!plan_.sites[s].seats) continue;
      const auto on = on_shift(s, [](int) { return true; });
      for (int i = 0; i < count_; ++i)
        add_packing_row(RowKey{.family = RowFamily::seats, .site = s, .interval = i}, on[i], *plan_.sites[s].seats);
    }
  }

  // Limit(start): min/max agents of one (site, shift, start) over several columns.
  void add_start_limits() {
    for (int k = 0; k < static_cast<int>(set_.starts.size()); ++k) {
      const StartGroup& g = set_.starts[k];
      if (g.columns.size() < 2 || (g.min_agents <= 0 && g.max_agents < 0)) continue;
      const int r = b_.add_row(RowKey{.family = RowFamily::limit, .start = k}, g.min_agents > 0 ? g.min_agents : -infinity,
                               g.max_agents >= 0 ? g.max_agents : infinity);
      for (int c : g.columns) b_.add_entry(r, var_of_[c], 1.0);
    }
  }

  // GroupLimit(g, i): a group's max_agents on shift at once.
  void add_group_limits() {
    for (int g = 0; g < static_cast<int>(set_.agent_groups.size()); ++g) {
      const GroupRef& ref = set_.agent_groups[g];
      if (!ref.group.max_agents) continue;
      const auto on = on_shift(ref.site, [&](int c) { return set_.columns[c].agent_group == g; });
      for (int i = 0; i < count_; ++i)
        add_packing_row(RowKey{.family = RowFamily::group_limit, .group = g, .interval = i}, on[i],
                        *ref.group.max_agents);
    }
  }

  // t[contract, group, days, start], Link, TourWeek and TourLimit rows
  // (milp_model.hpp): the implicit days-off formulation. One Link row per
  // (contract, group, week, weekday[, start minute]) that has columns; a tour
  // exists when every one of its days has its Link row in every week. Days off
  // anywhere on a one-week horizon take one t per start instead of one per pattern.
  void add_tours() {
    using LinkKey = std::tuple<int, int, int, TourDay>;  // site, contract, agent group, day
    std::map<LinkKey, std::vector<int>> links;           // -> x variables
    for (int c = 0; c < num_columns(); ++c) {
      const Column& col = set_.columns[c];
      if (var_of_[c] < 0 || col.contract < 0) continue;
      links[{col.site, col.contract, col.agent_group, tour_day(plan_, col)}].push_back(var_of_[c]);
    }
    if (links.empty()) return;
    const int weeks = std::max(1, plan_.horizon.days / 7);
    const auto pooled = [&](int site, int contract) {
      const Contract& k = plan_.sites[site].contracts[contract];
      return weeks == 1 && k.days_off == DaysOff::any && k.days_per_week < 7;
    };
    std::map<LinkKey, int> link_row;
    for (const auto& [key, vars] : links) {
      const auto& [site, contract, group, day] = key;
      const int r = b_.add_row(RowKey{.family = RowFamily::link, .group = group, .site = site, .period = day.week,
                                      .contract = contract, .day = day.weekday, .minute = day.minute},
                               pooled(site, contract) ? -infinity : 0, 0);
      for (int v : vars) b_.add_entry(r, v, 1.0);
      link_row[key] = r;
    }
    // (site, contract, group) -> start minutes (just -1 without same_start).
    std::map<std::tuple<int, int, int>, std::vector<int>> minutes;
    for (const auto& [key, r] : link_row) {
      auto& list = minutes[{std::get<0>(key), std::get<1>(key), std::get<2>(key)}];
      if (std::find(list.begin(), list.end(), std::get<3>(key).minute) == list.end()) list.push_back(std::get<3>(key).minute);
    }
    std::map<std::pair<int, int>, std::vector<int>> of_contract;  // (site, contract) -> t variables
    for (auto& [owner, list] : minutes) {
      std::sort(list.begin(), list.end());
      // Plain ints, not a structured binding: the lambda below captures them (clang).
      const int site = std::get<0>(owner), contract = std::get<1>(owner), group = std::get<2>(owner);
      const Contract& k = plan_.sites[site].contracts[contract];
      // Not the seats: agents of one tour on different shifts need not be on shift at once.
      const double ub = k.max_agents ? *k.max_agents : infinity;
      const auto add_tour = [&](unsigned pattern, int minute) {
        return b_.add_var(VarKey{.family = VarFamily::tour, .group = group, .site = site, .contract = contract,
                                 .pattern = static_cast<int>(pattern), .minute = minute},
                          0, ub, 0, true);
      };
      if (pooled(site, contract)) {
        for (int minute : list) {
          const int t = add_tour(0, minute);
          const int week_row = b_.add_row(RowKey{.family = RowFamily::tour_week, .group = group, .site = site,
                                                 .contract = contract, .minute = minute},
                                          0, 0);
          b_.add_entry(week_row, t, -k.days_per_week);
          for (int d = 0; d < 7; ++d) {
            const LinkKey key{site, contract, group, TourDay{0, d, minute}};
            const auto it = link_row.find(key);
            if (it == link_row.end()) continue;
            b_.add_entry(it->second, t, -1.0);
            for (int v : links.at(key)) b_.add_entry(week_row, v, 1.0);
          }
          of_contract[{site, contract}].push_back(t);
        }
        continue;
      }
      for (unsigned pattern : tour_patterns(k))
        for (int minute : list) {
          std::vector<int> rows;
          bool complete = true;
          for (int w = 0; w < weeks && complete; ++w)
            for (int d = 0; d < 7 && complete; ++d) {
              if (!((pattern >> d) & 1u)) continue;
              const auto it = link_row.find({site, contract, group, TourDay{w, d, minute}});
              if (it == link_row.end()) complete = false;
              else rows.push_back(it->second);
            }
          if (!complete) continue;
          const int t = add_tour(pattern, minute);
          for (int r : rows) b_.add_entry(r, t, -1.0);
          of_contract[{site, contract}].push_back(t);
        }
    }
    for (const auto& [owner, vars] : of_contract) {
      const Contract& k = plan_.sites[owner.first].contracts[owner.second];
      if (k.max_agents)
        add_packing_row(RowKey{.family = RowFamily::tour_limit, .site = owner.first, .contract = owner.second}, vars,
                        *k.max_agents);
    }
  }

  std::size_t cell(int q, int i) const { return static_cast<std::size_t>(q) * count_ + i; }

  // A work day whose window touches an interval: the share of the interval inside
  // the window, and the day's Work row.
  struct WorkCell {
    int work, day;
    double share;
    int row;
  };

  const Plan& plan_;
  const require::Requirement& req_;
  const ColumnSet& set_;
  const int count_;
  ModelBuilder b_;
  std::vector<bool> keep_;
  std::vector<int> var_of_;     // column -> x variable, -1 = dropped duplicate
  std::vector<int> cover_row_;  // q * count + i -> Cover row, -1 = nothing required
  std::vector<int> shortfall_var_ = std::vector<int>(plan_.queues.size() * static_cast<std::size_t>(count_), -1);
  std::vector<int> increment_row_;  // q * count + i -> Increment row, -1 = none
  std::vector<bool> fractional_;    // q * count + i -> its coverage can be fractional
  // q * count + i -> outsourcing variables on its Cover row and their coefficients
  std::vector<std::vector<std::pair<int, double>>> relief_;
  std::vector<std::vector<WorkCell>> work_at_;  // interval -> work days open in it
};

}  // namespace

MilpModel build_milp(const Plan& plan, const require::Requirement& requirement, const ColumnSet& columns,
                     std::optional<double> shortfall_penalty) {
  MilpModel model = Formulation(plan, requirement, columns).build(shortfall_penalty);
  add_rounding_cuts(model);
  return model;
}

}  // namespace staffplan::optimize
