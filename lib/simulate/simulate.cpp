#include "simulate/simulate.hpp"
