#include "optimize/optimize.hpp"
