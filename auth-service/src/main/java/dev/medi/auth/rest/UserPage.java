package dev.medi.auth.rest;

import java.util.List;

/** One page of users; pass {@code next} as {@code after} for the following page ({@code null} at the end). */
public record UserPage(List<UserView> items, String next) {
}
