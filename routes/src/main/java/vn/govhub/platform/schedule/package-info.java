/**
 * Scheduled tasks: one Camel route template that every scheduled task of every flow instantiates (trigger, leader
 * check, the flow's step), one route configuration for their failures, and the {@code govhub.schedule.*} overrides.
 */
package vn.govhub.platform.schedule;
