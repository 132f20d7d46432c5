/**
 * Devices: host hardware handed to a container. {@code DIRECT} maps a device node ({@code --device});
 * {@code DETAILED} asks a device driver for devices by count or id ({@code --gpus}).
 */
package dev.drove.models.application.devices;
