#include "queueing/queueing.hpp"
