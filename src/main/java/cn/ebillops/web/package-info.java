/**
 * The HTTP edge shared by every route: a refused request is a 4xx with
 * {@code {"error": code, "message": 中文说明}}, logged once at WARN without its content; only a
 * genuine server fault is a 500 with an error id and an ERROR with its cause.
 */
@ApplicationModule(displayName = "HTTP 边界 web", allowedDependencies = {})
package cn.ebillops.web;

import org.springframework.modulith.ApplicationModule;
