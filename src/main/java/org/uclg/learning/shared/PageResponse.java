package org.uclg.learning.shared;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A page of a list: {@code ?page=0&size=50} gives {@code {items, page, size, total}}. */
@Serdeable
public record PageResponse<T>(List<T> items, int page, int size, long total) {
}
