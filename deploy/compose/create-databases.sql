-- One database per stateful service (DESIGN.md: each service that keeps state has its own).
CREATE DATABASE orchestrator;
CREATE DATABASE spod;
CREATE DATABASE storefront;
CREATE DATABASE pos;
