package dev.medi.queue.rest;

import dev.medi.queue.Room;

import java.util.UUID;

public record RoomView(UUID id, UUID departmentId, String name, boolean active) {

    static RoomView of(Room room) {
        return new RoomView(room.id(), room.departmentId(), room.name(), room.active());
    }
}
