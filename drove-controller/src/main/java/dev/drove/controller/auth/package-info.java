/**
 * Who may call the controller: users (basic auth with the documented roles) and instances (signed tokens). This
 * package holds their configuration sections ({@code userAuth}, {@code instanceAuth}).
 */
package dev.drove.controller.auth;
