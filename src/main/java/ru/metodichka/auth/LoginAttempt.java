package ru.metodichka.auth;

import java.net.InetAddress;

/**
 * One try at logging in, with what throttling needs to know about where it comes from.
 *
 * @param address the client's address (a trusted proxy's {@code X-Forwarded-For} considered)
 * @param deviceCookie the browser's device cookie, if it sent one ({@link TrustedDevices})
 * @param previousToken the session the request came with, ended when the new one starts
 */
public record LoginAttempt(
    String login, String password, InetAddress address, String deviceCookie, String previousToken) {

  @Override
  public String toString() {
    // Never the password.
    return "LoginAttempt[" + login + " from " + address.getHostAddress() + "]";
  }
}
